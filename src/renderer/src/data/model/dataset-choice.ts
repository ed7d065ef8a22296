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

/** The CSV target columns' names, to mark them in the table. */
export function csvTargetNames(shown: Shown | undefined): readonly string[] {
  if (!shown || shown.spec.source !== 'csv' || shown.result.preview.kind !== 'table') return [];
  const { target } = shown.spec;
  const columns = shown.result.preview.columns;
  const name = (ref: string | number) => (typeof ref === 'string' ? ref : columns[ref]);
  const refs =
    target === undefined ? [columns.length - 1] : Array.isArray(target) ? target : [target];
  return refs.map(name).filter((column): column is string => column !== undefined);
}

/**
 * Said after a failed try, so the user knows the choice they had still holds: "Nothing was
 * changed: the data set is still “Iris”." Empty when nothing is shown yet.
 */
export function stillChosenNote(shown: Shown | undefined): string {
  return shown ? ` Nothing was changed: the data set is still “${shown.result.info.title}”.` : '';
}
