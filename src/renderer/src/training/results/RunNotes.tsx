import { plural } from '../../../../shared/text/plural';
import type { RunView } from '../model/run-state';

/**
 * What the trainer wants the student to know about the run: how the examples were split, how
 * many weights learn, and its notes and warnings (a perceptron rule, a flattened image, …).
 */
export function RunNotes({ view }: { readonly view: RunView }) {
  const started = view.started;
  if (!started) return null;
  const { samples, parameters } = started;
  const split = [
    `training on ${plural(samples.train, 'example')}`,
    samples.validation > 0 ? `validating on ${samples.validation.toLocaleString('en')}` : '',
    samples.test > 0 ? `testing on ${samples.test.toLocaleString('en')}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const notes = [
    ...started.dataset.notes,
    ...started.notes,
    ...(view.final?.type === 'finished' ? view.final.notes : []),
  ];
  const unique = [...new Set(notes)];
  return (
    <section className="run-notes" aria-label="About this run">
      <p>
        {started.dataset.title}: {split}; {plural(parameters.trainable, 'trainable weight')}.
      </p>
      {unique.length > 0 && (
        <ul>
          {unique.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {view.logs.length > 0 && (
        <ul className="run-logs">
          {view.logs.map((log, index) => (
            <li key={index} className={log.level === 'warning' ? 'warning' : undefined}>
              {log.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
