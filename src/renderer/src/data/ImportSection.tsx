import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import type { ImportKind } from '../../../shared/data/dataset-preview';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import type { ApiClient } from '../../../shared/api/client';
import { describeError, useApi } from '../api';
import { FilePicker } from './FilePicker';
import type { ChosenFile, CsvForm, IdxForm, ImageForm, ImportForms } from './model/import-forms';
import {
  IDX_LIMIT_MIN,
  IMAGE_SIZE,
  baseName,
  csvSpec,
  idxLimitCheck,
  idxSpec,
  imageHeightCheck,
  imageSpec,
  imageWidthCheck,
  targetIndex,
} from './model/import-forms';
import { NumberField } from './NumberField';

const KIND_TITLES: Record<ImportKind, string> = {
  csv: 'CSV table',
  images: 'Image folder',
  idx: 'IDX files',
};

/** Which file the user is choosing: one of the IDX pair, or the only file of the others. */
export type ImportSlot = 'csv' | 'images' | 'idx-images' | 'idx-labels';

export interface ImportSectionProps {
  readonly forms: ImportForms;
  readonly setForms: (forms: ImportForms) => void;
  /** Files are chosen with the system's dialogs (desktop app) rather than uploaded. */
  readonly desktop: boolean;
  /** Previews the spec and chooses it when it loads; `typing` waits for a pause first. */
  readonly onTry: (spec: DatasetSpec, kind: ImportKind, typing?: boolean) => void;
  /** Uploads files picked in a browser. */
  readonly onUpload: (files: File[], slot: ImportSlot) => void;
  /** Why the last try of this kind of import failed, or what was wrong with a file. */
  readonly problems: Readonly<Partial<Record<ImportSlot | 'load', string>>>;
  readonly setProblem: (slot: ImportSlot | 'load', message: string | undefined) => void;
  readonly busy: boolean;
}

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
        ? csvSpec(next.csv)
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

type Update = <K extends ImportKind>(
  kind: K,
  patch: Partial<K extends 'csv' ? CsvForm : K extends 'images' ? ImageForm : IdxForm>,
  typing?: boolean,
) => void;

type FieldsProps = ImportSectionProps & { update: Update };

/** Desktop: the system's Open dialog; null when cancelled. */
async function chooseOnDesktop(
  client: ApiClient,
  kind: 'csv' | 'idx' | 'folder',
): Promise<ChosenFile | null> {
  const { path } =
    kind === 'folder'
      ? await client.call('host.openFolder', {})
      : await client.call('host.openFile', { kind });
  return path === null ? null : { path, name: baseName(path) };
}

function CsvFields({ forms, desktop, busy, problems, setProblem, update, onUpload }: FieldsProps) {
  const form = forms.csv;
  const file = form.file;
  const targetId = useId();
  const api = useApi();

  // The columns come from the file itself, read again when the delimiter or header changes.
  useEffect(() => {
    if (!file) return;
    let live = true;
    api
      .call('datasets.table', { path: file.path, delimiter: form.delimiter, header: form.header })
      .then((table) => {
        if (!live) return;
        setProblem('csv', undefined);
        update('csv', {
          table,
          target: targetIndex(table, form.savedTarget),
          savedTarget: undefined,
        });
      })
      .catch((error: unknown) => {
        if (!live) return;
        setProblem('csv', describeError(error));
        update('csv', { table: undefined, target: '' });
      });
    return () => {
      live = false;
    };
    // Only a new file, delimiter or header row setting changes the columns.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file?.path, form.delimiter, form.header]);

  const chooseFile = async () => {
    try {
      const picked = await chooseOnDesktop(api, 'csv');
      if (picked) update('csv', { file: picked, table: undefined, target: '' });
    } catch (error) {
      setProblem('csv', describeError(error));
    }
  };

  return (
    <div className="data-form">
      <FilePicker
        label="CSV file"
        chosen={file}
        desktop={desktop}
        accept=".csv,.tsv,.txt,text/csv"
        buttonText="Choose a CSV file…"
        error={problems.csv}
        busy={busy}
        onDesktopChoose={() => void chooseFile()}
        onUpload={(files) => onUpload(files, 'csv')}
      />
      {form.table && (
        <>
          <div className="data-field">
            <label htmlFor={targetId}>Column to predict (target)</label>
            <select
              id={targetId}
              value={form.target}
              onChange={(event) => update('csv', { target: event.target.value })}
            >
              {form.table.columns.map((column, i) => (
                <option key={i} value={String(i)}>
                  {column}
                </option>
              ))}
            </select>
            <span className="data-field-hint">
              The other {form.table.columns.length - 1} columns are what the network learns from.
            </span>
          </div>
          <Choice
            label="Task"
            value={form.task}
            options={[
              ['auto', 'Decide from the target column'],
              ['classification', 'Classification (pick a class)'],
              ['regression', 'Regression (predict a number)'],
            ]}
            onChange={(task) => update('csv', { task })}
          />
          <Choice
            label="Scaling of number columns"
            value={form.scaling}
            options={[
              ['standardize', 'Standardize (mean 0, spread 1)'],
              ['minmax', 'Min–max (0 to 1)'],
              ['none', 'None (as in the file)'],
            ]}
            onChange={(scaling) => update('csv', { scaling })}
          />
          <Choice
            label="Empty cells"
            value={form.missing}
            options={[
              ['error', 'Refuse the file and say where they are'],
              ['drop', 'Leave out rows with empty cells'],
              ['mean', 'Fill with the column’s mean'],
            ]}
            onChange={(missing) => update('csv', { missing })}
          />
        </>
      )}
      {file && (
        <details className="data-advanced">
          <summary>How the file is read</summary>
          <Choice
            label="Separator"
            value={form.delimiter}
            options={[
              ['auto', 'Detect'],
              [',', 'Comma ,'],
              [';', 'Semicolon ;'],
              ['\t', 'Tab'],
              ['|', 'Vertical bar |'],
            ]}
            onChange={(delimiter) => update('csv', { delimiter, table: undefined, target: '' })}
          />
          <Choice
            label="First row"
            value={form.header}
            options={[
              ['auto', 'Detect'],
              ['yes', 'Column names'],
              ['no', 'Data'],
            ]}
            onChange={(header) => update('csv', { header, table: undefined, target: '' })}
          />
        </details>
      )}
    </div>
  );
}

function ImageFields({
  forms,
  desktop,
  busy,
  problems,
  setProblem,
  update,
  onUpload,
}: FieldsProps) {
  const api = useApi();
  const form = forms.images;
  const height = imageHeightCheck(form);
  const width = imageWidthCheck(form);
  const chooseFolder = async () => {
    try {
      const picked = await chooseOnDesktop(api, 'folder');
      if (picked) update('images', { folder: picked });
    } catch (error) {
      setProblem('images', describeError(error));
    }
  };
  return (
    <div className="data-form">
      <p className="data-hint">
        A folder with one subfolder per class (for example cats/ and dogs/), each holding PNG or
        JPEG images{desktop ? '' : '; upload it as a .zip'}.
      </p>
      <FilePicker
        label={desktop ? 'Image folder' : 'Image folder (.zip)'}
        chosen={form.folder}
        desktop={desktop}
        accept=".zip,application/zip"
        buttonText={desktop ? 'Choose a folder…' : 'Upload a .zip…'}
        error={problems.images}
        busy={busy}
        onDesktopChoose={() => void chooseFolder()}
        onUpload={(files) => onUpload(files, 'images')}
      />
      <div className="data-field-pair">
        <NumberField
          label="Height (pixels)"
          value={form.height}
          error={height.ok ? undefined : height.message}
          min={IMAGE_SIZE.min}
          max={IMAGE_SIZE.max}
          onChange={(text) => update('images', { height: text }, true)}
        />
        <NumberField
          label="Width (pixels)"
          value={form.width}
          error={width.ok ? undefined : width.message}
          min={IMAGE_SIZE.min}
          max={IMAGE_SIZE.max}
          onChange={(text) => update('images', { width: text }, true)}
        />
      </div>
      <Choice
        label="Colour"
        value={form.color}
        options={[
          ['grayscale', 'Grayscale (1 channel)'],
          ['rgb', 'Colour (3 channels, RGB)'],
        ]}
        onChange={(color) => update('images', { color })}
      />
    </div>
  );
}

function IdxFields({ forms, desktop, busy, problems, setProblem, update, onUpload }: FieldsProps) {
  const api = useApi();
  const form = forms.idx;
  const limit = idxLimitCheck(form);
  const choose = async (slot: 'images' | 'labels') => {
    try {
      const picked = await chooseOnDesktop(api, 'idx');
      if (picked) update('idx', { [slot]: picked });
    } catch (error) {
      setProblem(slot === 'images' ? 'idx-images' : 'idx-labels', describeError(error));
    }
  };
  return (
    <div className="data-form">
      <p className="data-hint">
        The MNIST file format: an images file and a labels file, such as train-images-idx3-ubyte.gz
        and train-labels-idx1-ubyte.gz.
      </p>
      <FilePicker
        label="Images file"
        chosen={form.images}
        desktop={desktop}
        buttonText="Choose the images file…"
        error={problems['idx-images']}
        busy={busy}
        onDesktopChoose={() => void choose('images')}
        onUpload={(files) => onUpload(files, 'idx-images')}
      />
      <FilePicker
        label="Labels file"
        chosen={form.labels}
        desktop={desktop}
        buttonText="Choose the labels file…"
        error={problems['idx-labels']}
        busy={busy}
        onDesktopChoose={() => void choose('labels')}
        onUpload={(files) => onUpload(files, 'idx-labels')}
      />
      <NumberField
        label="Examples to use"
        hint={`Leave empty for all; at least ${IDX_LIMIT_MIN}.`}
        value={form.limit}
        error={limit.ok ? undefined : limit.message}
        min={IDX_LIMIT_MIN}
        onChange={(text) => update('idx', { limit: text }, true)}
      />
    </div>
  );
}

function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <div className="data-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
