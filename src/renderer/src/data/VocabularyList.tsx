import { countText } from './model/describe-data';

/**
 * The tokenizer's vocabulary as the network sees it: which id stands for which word. Ids 0
 * and 1 are fixed (padding, any other word); the most frequent words follow from id 2.
 */
export function VocabularyList({
  words,
  vocabularySize,
}: {
  words: readonly string[];
  vocabularySize: number;
}) {
  const listed = vocabularySize - 2;
  return (
    <section className="data-section" aria-label="Vocabulary">
      <h3 className="data-section-title">Vocabulary</h3>
      <p className="data-hint">
        Each word becomes a number: 0 fills up a short text, 1 stands for any word not in the list,
        and the {countText(listed, 'most frequent word')} of the training texts get 2 to{' '}
        {vocabularySize - 1}.{words.length < listed && ` The first ${words.length}:`}
      </p>
      <ol className="vocabulary-list" start={2}>
        {words.map((word, i) => (
          <li key={word} value={i + 2}>
            <span className="vocabulary-id">{i + 2}</span> {word}
          </li>
        ))}
      </ol>
    </section>
  );
}
