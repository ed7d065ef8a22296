import type { DatasetInfo } from '../../shared/data/dataset-info';
import { MAX_FREQUENT_WORDS } from '../../shared/data/dataset-info';
import { allRowIndices } from './all-rows';
import { buildVocabulary, encodeTexts, tokenize } from './import/tokenize';
import { nounFor } from './wording';
import type { LoadedDataset } from './types';

/** Labelled texts, from a text CSV file or a built-in set. */
export interface LabelledTexts {
  readonly title: string;
  readonly texts: readonly string[];
  /** One class index per text. */
  readonly labels: Int32Array;
  readonly classNames: readonly string[];
  /** Word ids per text: shorter texts are padded, longer ones cut. */
  readonly maxLength: number;
  /** Ids the Embedding must accept, padding and unknown words included. */
  readonly vocabularySize: number;
  /** What the texts are and where they come from, shown first in the notes. */
  readonly sourceNotes: readonly string[];
}

/**
 * Texts as word ids for an Embedding: the vocabulary is learnt from the training rows only
 * (after the split), so a validation or test text's unseen words count as unknown, as they
 * would for a text the network meets later. The data panel shows the most frequent words.
 */
export function labelledTextExamples(set: LabelledTexts): LoadedDataset {
  const count = set.texts.length;
  const words = set.texts.map(tokenize);
  const length = set.maxLength;
  const x = new Int32Array(count * length);
  const distinctWords = new Set(words.flat()).size;
  // An upper bound known before the split, so the Embedding's size never has to change.
  const vocabularySize = Math.max(2, Math.min(set.vocabularySize, distinctWords + 2));
  const cut = words.filter((text) => text.length > length).length;
  const info: DatasetInfo = {
    title: set.title,
    task: 'classification',
    featureShape: [length],
    featureType: 'int32',
    classNames: [...set.classNames],
    targetSize: 1,
    count,
    vocabularySize,
    frequentWords: [],
    notes: [
      ...set.sourceNotes,
      `Words are numbered by how often they appear in the training texts: the ${vocabularySize - 2} most frequent get ids 2 to ${vocabularySize - 1}, any other word is 1, and 0 pads short texts (at the start).`,
      `Each text is ${length} word ids long${cut > 0 ? `; ${cut} longer ${nounFor(cut, 'text')} ${cut === 1 ? 'was' : 'were'} cut after word ${length}` : ''}.`,
    ],
  };
  let fitted: readonly string[] = [];
  const fit = (trainRows: ArrayLike<number>) => {
    const vocabulary = buildVocabulary(words, trainRows, vocabularySize);
    encodeTexts(words, vocabulary, length, x);
    fitted = [...vocabulary.keys()];
    info.frequentWords = fitted.slice(0, MAX_FREQUENT_WORDS);
  };
  fit(allRowIndices(count));
  return {
    info,
    examples: { count, x, y: set.labels },
    texts: set.texts,
    vocabulary: () => fitted,
    fitOnTrainingRows: (trainRows) => fit(trainRows),
  };
}
