import { useState } from 'react';
import type { ExampleRef, ExamplesPage } from '../../../shared/inside/inside-schemas';
import { MAX_IMAGE_FILE_BYTES } from '../../../shared/inside/inside-schemas';
import { DrawPad } from './DrawPad';
import { isImageShape } from './model/picture';
import { formatValue } from './model/answers';

/** Most numbers typed one field each; a longer vector is typed as one list. */
const MAX_FIELDS = 32;

/**
 * Making an example to ask the network about: a digit drawn on a pad, an image file, a
 * sentence, or numbers typed in (the chosen example's, to change one at a time).
 */
export function MakeExample({
  page,
  startFrom,
  onMade,
}: {
  readonly page: ExamplesPage;
  /** The values of the example chosen in the gallery, to start the numbers from. */
  readonly startFrom?: readonly number[] | undefined;
  readonly onMade: (example: ExampleRef) => void;
}) {
  // A flat Input reading MNIST's rows draws on the pad too: its values are the picture's.
  const shape = page.pictureShape ?? page.inputShape;
  const image = isImageShape(shape);
  const pad = image && shape[2] === 1 && shape[0]! <= 64 && shape[1]! <= 64;
  return (
    <div className="inside-make">
      {page.readsWords ? (
        <SentenceForm onMade={onMade} />
      ) : image ? (
        <div className="inside-make-image">
          {pad && (
            <div>
              <p className="section-hint">
                Draw with the mouse; the network answers when you lift it.
              </p>
              <DrawPad
                height={shape[0]!}
                width={shape[1]!}
                onDrawn={(values) => onMade({ values: [...values] })}
              />
            </div>
          )}
          {isImageShape(page.inputShape) && <ImageDrop onMade={onMade} />}
        </div>
      ) : (
        <NumbersForm page={page} startFrom={startFrom} onMade={onMade} />
      )}
    </div>
  );
}

function SentenceForm({ onMade }: { readonly onMade: (example: ExampleRef) => void }) {
  const [text, setText] = useState('');
  return (
    <form
      className="inside-make-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() !== '') onMade({ text: text.trim() });
      }}
    >
      <label>
        A sentence{' '}
        <input
          type="text"
          value={text}
          maxLength={2000}
          placeholder="The battery lasts all day and the screen is great."
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button type="submit" className="button small" disabled={text.trim() === ''}>
        Ask the network
      </button>
    </form>
  );
}

function ImageDrop({ onMade }: { readonly onMade: (example: ExampleRef) => void }) {
  const [problem, setProblem] = useState<string>();
  const [over, setOver] = useState(false);
  const read = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMAGE_FILE_BYTES) {
      setProblem(
        `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB; Neurite reads images up to ${MAX_IMAGE_FILE_BYTES / 1024 / 1024} MB. Choose a smaller one.`,
      );
      return;
    }
    setProblem(undefined);
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      onMade({ image: url.slice(url.indexOf(',') + 1), fileName: file.name });
    };
    reader.onerror = () => setProblem(`"${file.name}" could not be read. Try another file.`);
    reader.readAsDataURL(file);
  };
  return (
    <div
      className={`inside-drop${over ? ' over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        read(event.dataTransfer.files[0]);
      }}
    >
      <p>Drop a PNG or JPEG image here, or</p>
      <label className="button small">
        Choose an image…
        <input
          type="file"
          accept="image/png,image/jpeg"
          className="visually-hidden"
          onChange={(event) => read(event.target.files?.[0])}
        />
      </label>
      <p className="section-hint">
        It is scaled to the network&apos;s input size, as the training images were.
      </p>
      {problem && (
        <p className="training-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

function NumbersForm({
  page,
  startFrom,
  onMade,
}: {
  readonly page: ExamplesPage;
  readonly startFrom?: readonly number[] | undefined;
  readonly onMade: (example: ExampleRef) => void;
}) {
  const size = page.inputShape.reduce((a, b) => a * b, 1);
  const start = () => Array.from({ length: size }, (_, i) => formatValue(startFrom?.[i] ?? 0));
  const [fields, setFields] = useState(start);
  const [list, setList] = useState(() => start().join(', '));
  const one = size <= MAX_FIELDS;
  const texts = one ? fields : list.split(/[\s,;]+/).filter((part) => part !== '');
  const numbers = texts.map(Number);
  const bad = texts.findIndex((text, i) => text.trim() === '' || !Number.isFinite(numbers[i]));
  const problem =
    bad >= 0
      ? `${one ? (page.featureNames?.[bad] ?? `Input ${bad + 1}`) : `Value ${bad + 1}`} is not a number.`
      : numbers.length !== size
        ? `The network reads ${size} numbers; there are ${numbers.length}.`
        : undefined;
  return (
    <form
      className="inside-make-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) onMade({ values: numbers });
      }}
    >
      {one ? (
        <div className="inside-number-fields">
          {fields.map((value, i) => (
            <label key={i}>
              {page.featureNames?.[i] ?? `Input ${i + 1}`}
              <input
                type="text"
                inputMode="decimal"
                value={value}
                onChange={(event) =>
                  setFields(fields.map((v, k) => (k === i ? event.target.value : v)))
                }
              />
            </label>
          ))}
        </div>
      ) : (
        <label>
          {size} numbers, separated by commas, row by row
          <textarea rows={3} value={list} onChange={(event) => setList(event.target.value)} />
        </label>
      )}
      <p className="section-hint">
        The numbers as the network reads them (after the scaling training used).
        {startFrom ? ' They start from the example you chose.' : ''}
      </p>
      {problem && <p className="training-error">{problem}</p>}
      <div className="inside-make-actions">
        <button type="submit" className="button small" disabled={problem !== undefined}>
          Ask the network
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => {
            setFields(start());
            setList(start().join(', '));
          }}
        >
          Start again
        </button>
      </div>
    </form>
  );
}
