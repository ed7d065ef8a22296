import { useCallback, useState } from 'react';
import type { GraphDocument } from '../../../shared/graph/document';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import type { ImportKind } from '../../../shared/data/dataset-preview';
import { describeError, useApi } from '../api';
import type { Shown } from './model/dataset-choice';
import { stillChosenNote } from './model/dataset-choice';
import {
  initialForms,
  placeUpload,
  type ImportForms,
  type ImportSlot,
  type PlacedUpload,
} from './model/import-forms';
import { uploadDataFile } from './upload-file';

export type ImportProblems = Readonly<Partial<Record<ImportSlot | 'load', string>>>;

export interface Imports {
  /** What the import forms hold (files chosen, settings), valid or not. */
  readonly forms: ImportForms;
  readonly setForms: (forms: ImportForms) => void;
  /** What went wrong with each file, or with loading one. */
  readonly problems: ImportProblems;
  readonly setProblem: (slot: ImportSlot | 'load', message: string | undefined) => void;
  readonly uploading: boolean;
  /** Uploads files (picked or dropped) and puts each where its kind belongs. */
  readonly upload: (files: File[], slot: ImportSlot | undefined) => Promise<void>;
}

/**
 * The import side of the data panel: its forms, the problems of each file, and uploads. An
 * upload fills in the form of its kind and tries the data set once that form is complete; a
 * file that cannot be uploaded is explained, and the data set on show stays.
 */
export function useImports({
  value,
  graph,
  shown,
  tryDataset,
  onFormsChanged,
}: {
  /** The saved choice, which fills in the forms when it is an import. */
  readonly value: DatasetSpec | undefined;
  /** The project's network: an image import starts at the size and colour its Input reads. */
  readonly graph: GraphDocument;
  readonly shown: Shown | undefined;
  readonly tryDataset: (spec: DatasetSpec, kind: ImportKind) => void;
  /** An upload changed the forms (so the import side should show). */
  readonly onFormsChanged: () => void;
}): Imports {
  const api = useApi();
  const [forms, setForms] = useState<ImportForms>(() => initialForms(value, graph));
  const [problems, setProblems] = useState<ImportProblems>({});
  const [uploading, setUploading] = useState(false);

  const setProblem = useCallback((slot: ImportSlot | 'load', message: string | undefined) => {
    setProblems((current) => ({ ...current, [slot]: message }));
  }, []);

  const upload = async (files: File[], slot: ImportSlot | undefined) => {
    setUploading(true);
    setProblems({});
    let next = forms;
    let toTry: PlacedUpload['toTry'];
    for (const file of files) {
      try {
        const placed = placeUpload(next, await uploadDataFile(api, file), file.name, slot);
        next = placed.forms;
        toTry = placed.toTry;
      } catch (error) {
        const unchanged = stillChosenNote(shown) || ' Nothing was changed.';
        setProblem(slot ?? 'load', `${describeError(error)}${unchanged}`);
      }
    }
    setForms(next);
    setUploading(false);
    if (next !== forms) onFormsChanged();
    if (toTry) tryDataset(toTry.spec, toTry.kind);
  };

  return { forms, setForms, problems, setProblem, uploading, upload };
}
