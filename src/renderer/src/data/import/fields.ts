import type { ImportKind } from '../../../../shared/data/dataset-preview';
import type { DatasetSpec } from '../../../../shared/data/dataset-spec';
import type { CsvForm, IdxForm, ImageForm, ImportForms, ImportSlot } from '../model/import-forms';

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

/**
 * Changes one kind's form; when the form then describes a complete data set, it is tried
 * (after a pause when `typing`).
 */
export type Update = <K extends ImportKind>(
  kind: K,
  patch: Partial<K extends 'csv' ? CsvForm : K extends 'images' ? ImageForm : IdxForm>,
  typing?: boolean,
) => void;

/** What each kind's fields get: the section's props and the way to change their form. */
export type FieldsProps = ImportSectionProps & { readonly update: Update };
