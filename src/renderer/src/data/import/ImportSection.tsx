import { useId, useLayoutEffect, useRef } from 'react';
import type { ImportKind } from '../../../../shared/data/dataset-preview';
import type { ImportForms } from '../model/import-forms';
import { csvFormSpec, idxSpec, imageSpec } from '../model/import-forms';
import { CsvFields } from './CsvFields';
import type { ImportSectionProps, Update } from './fields';
import { IdxFields } from './IdxFields';
import { ImageFields } from './ImageFields';

export type { ImportSectionProps } from './fields';

const KIND_TITLES: Record<ImportKind, string> = {
  csv: 'CSV table',
  images: 'Image folder',
  idx: 'IDX files',
};

/** Importing a CSV table, an image folder or IDX files, with every setting checked. */
export function ImportSection(props: ImportSectionProps) {
  const { forms, setForms, onTry } = props;
  const kindName = useId();
  // The latest forms, also for answers that arrive after the user changed something else.
  const latest = useRef(forms);
  useLayoutEffect(() => {
    latest.current = forms;
  });

  const update: Update = (kind, patch, typing = false) => {
    const current = latest.current;
    const next: ImportForms = { ...current, [kind]: { ...current[kind], ...patch } };
    latest.current = next;
    setForms(next);
    const spec =
      kind === 'csv'
        ? csvFormSpec(next.csv)
        : kind === 'images'
          ? imageSpec(next.images)
          : idxSpec(next.idx);
    if (spec) onTry(spec, kind, typing);
  };

  return (
    <section className="data-import" aria-label="Import your own data">
      <p className="data-hint">
        {props.desktop
          ? 'Choose a file or folder on this computer.'
          : 'Upload a file, or drop it anywhere on this page.'}
      </p>
      <div className="data-kinds" role="radiogroup" aria-label="What to import">
        {(Object.keys(KIND_TITLES) as ImportKind[]).map((kind) => (
          <label key={kind} className="data-kind">
            <input
              type="radio"
              name={kindName}
              value={kind}
              checked={forms.kind === kind}
              onChange={() => setForms({ ...latest.current, kind })}
            />
            {KIND_TITLES[kind]}
          </label>
        ))}
      </div>
      {forms.kind === 'csv' && <CsvFields {...props} update={update} />}
      {forms.kind === 'images' && <ImageFields {...props} update={update} />}
      {forms.kind === 'idx' && <IdxFields {...props} update={update} />}
      {props.problems.load && (
        <p className="data-alert" role="alert">
          {props.problems.load}
        </p>
      )}
    </section>
  );
}
