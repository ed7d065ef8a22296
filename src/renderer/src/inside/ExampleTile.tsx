import type { ExamplesPage, InsideExample } from '../../../shared/inside/inside-schemas';
import { imagePicture } from './model/picture';
import { PictureCanvas } from './PictureCanvas';
import { answerText, formatValue, isMistake } from './model/answers';

/** One example in the gallery: its picture or numbers, and the model's answer. */
export function ExampleTile({
  example,
  page,
  selected,
  disabled = false,
  onChoose,
}: {
  readonly example: InsideExample;
  readonly page: ExamplesPage;
  readonly selected: boolean;
  /** A tile of the last page while the next one loads. */
  readonly disabled?: boolean;
  readonly onChoose: () => void;
}) {
  const answer = answerText(example, page);
  return (
    <li>
      <button
        type="button"
        className={`inside-tile${isMistake(example) ? ' mistake' : ''}`}
        aria-pressed={selected}
        disabled={disabled}
        aria-label={`Example ${example.index + 1}: ${answer}`}
        onClick={onChoose}
      >
        {page.pictureShape && example.values.length > 0 ? (
          <PictureCanvas
            layers={[imagePicture(example.values, page.pictureShape)]}
            size={56}
            label={`Example ${example.index + 1}`}
          />
        ) : (
          <span className="inside-tile-values">
            {example.values.slice(0, 4).map(formatValue).join(', ')}
            {example.values.length > 4 ? ', …' : ''}
          </span>
        )}
        <span className="inside-tile-answer">{answer}</span>
      </button>
    </li>
  );
}
