import type { DatasetPreviewResult } from '../../../../shared/data/dataset-preview';
import type { DatasetSpec } from '../../../../shared/data/dataset-spec';
import type { GraphDocument } from '../../../../shared/graph/document';
import { baseName } from './import-forms';

/** A data set on show in the panel: what was asked, what came back, and for which network. */
export interface Shown {
  readonly spec: DatasetSpec;
  readonly result: DatasetPreviewResult;
  /** The network the fit was checked against. */
  readonly graph: GraphDocument;
}

/** Both specs exist and ask for the same data. */
export const sameSpec = (a: DatasetSpec | undefined, b: DatasetSpec | undefined): boolean =>
  a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);

/** The name to say while a data set loads: a built-in set's title, else the file's name. */
export function titleOf(
  spec: DatasetSpec,
  builtins: readonly { readonly name: string; readonly title: string }[] | undefined,
): string {
  switch (spec.source) {
    case 'builtin':
      return builtins?.find((b) => b.name === spec.name)?.title ?? spec.name;
    case 'csv':
    case 'text-csv':
    case 'images':
      return baseName(spec.path);
    case 'idx':
      return baseName(spec.images);
  }
}

/** The CSV target column's name, to mark it in the table. */
export function csvTargetName(shown: Shown | undefined): string | undefined {
  if (!shown || shown.spec.source !== 'csv' || shown.result.preview.kind !== 'table')
    return undefined;
  const { target } = shown.spec;
  const columns = shown.result.preview.columns;
  if (typeof target === 'string') return target;
  return columns[target ?? columns.length - 1];
}

/**
 * Said after a failed try, so the user knows the choice they had still holds: "Nothing was
 * changed: the data set is still “Iris”." Empty when nothing is shown yet.
 */
export function stillChosenNote(shown: Shown | undefined): string {
  return shown ? ` Nothing was changed: the data set is still “${shown.result.info.title}”.` : '';
}
