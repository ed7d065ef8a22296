import './data-panel.css';
import { useState } from 'react';
import type { FitEdit, ImportKind } from '../../../shared/data/dataset-preview';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import type { GraphDocument } from '../../../shared/graph/document';
import { LabPadlock } from '../labs/LabPadlock';
import { BuiltinSection } from './BuiltinSection';
import { DataView } from './DataView';
import { ImportSection } from './import/ImportSection';
import { stillChosenNote, titleOf } from './model/dataset-choice';
import type { BuiltInOption } from './model/option-fields';
import { useAppTransport } from './use-app-transport';
import { useBuiltinOptions } from './use-builtin-options';
import { useDatasetPreview } from './use-dataset-preview';
import { useFileDrop } from './use-file-drop';
import { useImports } from './use-imports';

export interface DataPanelProps {
  /** The project's network, to check the data set against. */
  readonly graph: GraphDocument;
  /** The chosen data set, or none yet. */
  readonly value: DatasetSpec | undefined;
  /** Called when the user picks or changes a data set; the workspace saves it. */
  readonly onChange: (spec: DatasetSpec) => void;
  /**
   * Applies a fix from the fit check to the network (the params are merged into the node's).
   * Returns why the network refused it, if it did. Without it the fixes are only words.
   */
  readonly onApplyFix?: (edit: FitEdit) => string | void;
  /**
   * Applies several fixes as one undo step ("Apply all fixes"); without it they are applied
   * one by one through `onApplyFix`.
   */
  readonly onApplyFixes?: (edits: readonly FitEdit[]) => string | void;
  /** The project's lab keeps its own data set: the choice is shown but cannot change. */
  readonly locked?: boolean;
}

/** Waits this long after the last keystroke in a number field before loading. */
const TYPING_PAUSE_MS = 450;

/**
 * Choose a built-in data set or import one, and preview it: examples, classes, and whether it
 * fits the network. A data set is chosen (onChange) only once it has loaded; a file that
 * cannot be used is explained where it was chosen and the previous choice stays.
 */
export function DataPanel({
  graph,
  value,
  onChange,
  onApplyFix,
  onApplyFixes,
  locked = false,
}: DataPanelProps) {
  const transport = useAppTransport();
  const [side, setSide] = useState<'builtin' | 'import'>(
    value && value.source !== 'builtin' ? 'import' : 'builtin',
  );
  const builtin = useBuiltinOptions(value);
  const preview = useDatasetPreview({
    graph,
    value,
    onChange,
    onShown: (spec) => {
      if (spec.source === 'builtin') builtin.setOpenBuiltin(spec.name);
    },
  });
  const { shown, pending, failure, tryDataset } = preview;
  const imports = useImports({
    value,
    graph,
    shown,
    tryDataset,
    onFormsChanged: () => setSide('import'),
  });
  const drop = useFileDrop((files) => void imports.upload(files, undefined));

  const pickBuiltin = (name: string) => {
    const spec = builtin.pick(name);
    // A setting with a bad value is already explained at its field; nothing loads until fixed.
    if (spec) tryDataset(spec, 'builtin');
  };

  const changeOption = (name: string, option: BuiltInOption, text: string) => {
    const spec = builtin.changeOption(name, option, text);
    if (spec) tryDataset(spec, 'builtin', { delay: TYPING_PAUSE_MS });
    else preview.cancelTyping();
  };

  const tryImport = (spec: DatasetSpec, kind: ImportKind, typing = false) =>
    tryDataset(spec, kind, typing ? { delay: TYPING_PAUSE_MS } : {});

  const stillChosen = stillChosenNote(shown);
  const importFailure =
    failure && failure.origin !== 'builtin' && failure.origin !== 'saved'
      ? `${failure.message}${stillChosen}`
      : undefined;
  const loading = imports.uploading
    ? 'Uploading…'
    : pending
      ? `Loading ${titleOf(pending.spec, builtin.builtins)}…`
      : undefined;

  return (
    <div
      className={`data-panel${drop.dragging ? ' data-panel-dragging' : ''}`}
      {...(locked ? {} : drop.handlers)}
    >
      <fieldset className="data-choose" disabled={locked}>
        {locked && (
          <p className="data-locked">
            <LabPadlock /> The lab sets the data set: it trains and checks your work on this one.
          </p>
        )}
        <div className="data-sides" role="tablist" aria-label="Where the data comes from">
          <button
            type="button"
            role="tab"
            id="data-side-builtin"
            aria-selected={side === 'builtin'}
            aria-controls="data-side-panel"
            onClick={() => setSide('builtin')}
          >
            Built-in
          </button>
          <button
            type="button"
            role="tab"
            id="data-side-import"
            aria-selected={side === 'import'}
            aria-controls="data-side-panel"
            onClick={() => setSide('import')}
          >
            Import your own
          </button>
        </div>
        <div
          id="data-side-panel"
          role="tabpanel"
          aria-labelledby={side === 'builtin' ? 'data-side-builtin' : 'data-side-import'}
        >
          {side === 'builtin' ? (
            <BuiltinSection
              builtins={builtin.builtins}
              listError={builtin.listError}
              chosen={shown?.spec.source === 'builtin' ? shown.spec.name : undefined}
              pending={pending?.spec.source === 'builtin' ? pending.spec.name : undefined}
              openBuiltin={builtin.openBuiltin}
              optionTexts={builtin.optionTexts}
              failure={
                failure?.origin === 'builtin' ? `${failure.message}${stillChosen}` : undefined
              }
              onPick={pickBuiltin}
              onChangeOption={changeOption}
            />
          ) : (
            <ImportSection
              forms={imports.forms}
              setForms={imports.setForms}
              desktop={transport === 'electron'}
              onTry={tryImport}
              onUpload={(files, slot) => void imports.upload(files, slot)}
              problems={{ ...imports.problems, load: importFailure }}
              setProblem={imports.setProblem}
              busy={imports.uploading || pending !== undefined}
            />
          )}
        </div>
      </fieldset>

      <DataView
        graph={graph}
        shown={shown}
        loading={loading}
        refreshing={preview.refreshing}
        stale={pending !== undefined}
        alerts={[
          ...(failure?.origin === 'saved' ? [failure.message] : []),
          ...(imports.problems.load ? [imports.problems.load] : []),
        ]}
        onApplyFix={onApplyFix}
        onApplyFixes={onApplyFixes}
      />
      {drop.dragging && (
        <div className="data-drop-overlay" aria-hidden="true">
          Drop a CSV file, IDX files or a .zip of an image folder to import it
        </div>
      )}
    </div>
  );
}
