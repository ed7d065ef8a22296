import { useEffect } from 'react';
import { describeError, useApi, useLatestRequest } from '../../api';
import {
  TEXT_LENGTH,
  VOCABULARY_SIZE,
  csvColumnFields,
  textColumnGuess,
  textLengthCheck,
  vocabularySizeCheck,
} from '../model/import-forms';
import { NumberField } from '../NumberField';
import { chooseOnDesktop } from './choose-on-desktop';
import { ColumnSelect } from './ColumnSelect';
import { Choice } from './Choice';
import type { FieldsProps } from './fields';
import { FilePicker } from './FilePicker';

/** A new file, separator or header setting: the columns must be read again, choices forgotten. */
const COLUMNS_UNREAD = { table: undefined, target: '', targetLast: '', textColumn: '' } as const;

/**
 * A CSV table: the file, the column to predict, the task, scaling, and how to read the file;
 * or texts with their labels (a column of sentences, read word by word), with the sequence
 * length and vocabulary size the Embedding will get.
 */
export function CsvFields({
  forms,
  desktop,
  busy,
  problems,
  setProblem,
  update,
  onUpload,
}: FieldsProps) {
  const api = useApi();
  const reading = useLatestRequest();
  const form = forms.csv;
  const file = form.file;
  const asText = form.textColumn !== '';
  const several = !asText && form.targetLast !== '';
  const maxLength = textLengthCheck(form);
  const vocabularySize = vocabularySizeCheck(form);
  const targetCount = several ? Math.abs(Number(form.targetLast) - Number(form.target)) + 1 : 1;

  // The columns come from the file itself, read again when the delimiter or header changes.
  useEffect(() => {
    if (!file) return;
    return reading.run(
      () =>
        api.call('datasets.table', {
          path: file.path,
          delimiter: form.delimiter,
          header: form.header,
        }),
      (table) => {
        setProblem('csv', undefined);
        update('csv', {
          table,
          ...csvColumnFields(table, form),
          savedTarget: undefined,
          savedTextColumn: undefined,
        });
      },
      (error: unknown) => {
        setProblem('csv', describeError(error));
        update('csv', COLUMNS_UNREAD);
      },
    );
    // Only a new file, delimiter or header row setting changes the columns.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file?.path, form.delimiter, form.header]);

  const chooseFile = async () => {
    try {
      const picked = await chooseOnDesktop(api, 'csv');
      if (picked)
        update('csv', {
          file: picked,
          ...COLUMNS_UNREAD,
          savedTextColumn: undefined,
        });
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
            <label className="data-check">
              <input
                type="checkbox"
                checked={asText}
                onChange={(event) => {
                  const table = form.table!;
                  const guess = textColumnGuess(table);
                  const other = form.target === '0' ? '1' : '0';
                  const textColumn = guess !== '' && guess !== form.target ? guess : other;
                  update('csv', {
                    textColumn: event.target.checked ? textColumn : '',
                    targetLast: '',
                  });
                }}
              />
              A column holds text (sentences, reviews): read it word by word
            </label>
            {asText && (
              <>
                <ColumnSelect
                  label="Column with the texts"
                  columns={form.table.columns}
                  value={form.textColumn}
                  onChange={(textColumn) => update('csv', { textColumn })}
                />
              </>
            )}
          </div>
          <div className="data-field">
            <ColumnSelect
              label={
                asText
                  ? 'Column with the labels (classes)'
                  : several
                    ? 'First column to predict'
                    : 'Column to predict (target)'
              }
              columns={form.table.columns}
              value={form.target}
              onChange={(target) => update('csv', { target })}
            />
            {!asText && (
              <label className="data-check">
                <input
                  type="checkbox"
                  checked={several}
                  onChange={(event) =>
                    update('csv', {
                      targetLast: event.target.checked
                        ? String(form.table!.columns.length - 1)
                        : '',
                      task: event.target.checked ? 'regression' : form.task,
                    })
                  }
                />
                Predict several columns: a sequence of numbers per row
              </label>
            )}
            {several && (
              <>
                <ColumnSelect
                  label="Last column to predict"
                  columns={form.table.columns}
                  value={form.targetLast}
                  onChange={(targetLast) => update('csv', { targetLast })}
                />
              </>
            )}
            <span className="data-field-hint">
              {asText
                ? `Each text becomes a list of word ids for an Embedding; the label says its class. Other columns are left out.`
                : several
                  ? `The ${targetCount} columns from the first to the last are predicted in that order; the other ${form.table.columns.length - targetCount} are what the network learns from.`
                  : `The other ${form.table.columns.length - 1} columns are what the network learns from.`}
            </span>
          </div>
          {asText ? (
            <div className="data-field-pair">
              <NumberField
                label="Words per text (sequence length)"
                value={form.maxLength}
                error={maxLength.ok ? undefined : maxLength.message}
                min={TEXT_LENGTH.min}
                max={TEXT_LENGTH.max}
                onChange={(text) => update('csv', { maxLength: text }, true)}
              />
              <NumberField
                label="Vocabulary size (words kept)"
                value={form.vocabularySize}
                error={vocabularySize.ok ? undefined : vocabularySize.message}
                min={VOCABULARY_SIZE.min}
                max={VOCABULARY_SIZE.max}
                onChange={(text) => update('csv', { vocabularySize: text }, true)}
              />
            </div>
          ) : (
            <>
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
            onChange={(delimiter) => update('csv', { delimiter, ...COLUMNS_UNREAD })}
          />
          <Choice
            label="First row"
            value={form.header}
            options={[
              ['auto', 'Detect'],
              ['yes', 'Column names'],
              ['no', 'Data'],
            ]}
            onChange={(header) => update('csv', { header, ...COLUMNS_UNREAD })}
          />
        </details>
      )}
    </div>
  );
}
