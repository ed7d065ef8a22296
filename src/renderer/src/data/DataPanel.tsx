import './data-panel.css';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type {
  DatasetPreviewResult,
  FitEdit,
  ImportKind,
} from '../../../shared/data/dataset-preview';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import type { GraphDocument } from '../../../shared/graph/document';
import { describeError, useApi } from '../api';
import type { BuiltInDescription } from './BuiltinList';
import { BuiltinList } from './BuiltinList';
import { BuiltinOptions } from './BuiltinOptions';
import type { ImportForms } from './model/import-forms';
import { idxSlot, idxSpec, imageSpec, initialForms } from './model/import-forms';
import type { ImportSlot } from './ImportSection';
import { ImportSection } from './ImportSection';
import type { BuiltInOption } from './model/option-fields';
import { BUILT_IN_OPTIONS, builtInSpec } from './model/option-fields';
import { PreviewPane } from './PreviewPane';
import { uploadDataFile } from './upload-file';
import { useAppTransport } from './use-app-transport';

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
}

/** Where a data set being tried came from: a card, an import form, or the saved choice. */
type Origin = 'builtin' | ImportKind | 'saved';

interface Shown {
  readonly spec: DatasetSpec;
  readonly result: DatasetPreviewResult;
  /** The network the fit was checked against. */
  readonly graph: GraphDocument;
}

/** Waits this long after the last keystroke in a number field before loading. */
const TYPING_PAUSE_MS = 450;
/** Waits this long after the last network edit before checking the fit again. */
const GRAPH_PAUSE_MS = 400;

const sameSpec = (a: DatasetSpec | undefined, b: DatasetSpec | undefined) =>
  a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);

type OptionTexts = Readonly<Record<string, Partial<Record<BuiltInOption, string>>>>;

/**
 * Choose a built-in data set or import one, and preview it: examples, classes, and whether it
 * fits the network. A data set is chosen (onChange) only once it has loaded; a file that
 * cannot be used is explained where it was chosen and the previous choice stays.
 */
export function DataPanel({ graph, value, onChange, onApplyFix, onApplyFixes }: DataPanelProps) {
  const api = useApi();
  const transport = useAppTransport();
  const [builtins, setBuiltins] = useState<readonly BuiltInDescription[]>();
  const [builtinsError, setBuiltinsError] = useState<string>();
  const [optionTexts, setOptionTexts] = useState<OptionTexts>({});
  const [openBuiltin, setOpenBuiltin] = useState(value?.source === 'builtin' ? value.name : '');
  const [forms, setForms] = useState<ImportForms>(() => initialForms(value));
  const [shown, setShown] = useState<Shown>();
  const [pending, setPending] = useState<{ spec: DatasetSpec; origin: Origin }>();
  const [refreshing, setRefreshing] = useState(false);
  const [failure, setFailure] = useState<{ origin: Origin; message: string }>();
  const [problems, setProblems] = useState<Partial<Record<ImportSlot | 'load', string>>>({});
  const [uploading, setUploading] = useState(false);
  const [dragging, setDragging] = useState(false);
  // Kept with the network it was refused on: any later edit makes it old news.
  const [applyError, setApplyError] = useState<{ graph: GraphDocument; message: string }>();
  const [side, setSide] = useState<'builtin' | 'import'>(
    value && value.source !== 'builtin' ? 'import' : 'builtin',
  );

  // Answers arrive late: only the latest request may change what is shown.
  const latestRequest = useRef(0);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const graphRef = useRef(graph);
  const valueRef = useRef(value);
  const onChangeRef = useRef(onChange);
  // Late answers read the props as they are then, not as they were when the call started.
  useLayoutEffect(() => {
    graphRef.current = graph;
    valueRef.current = value;
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    let live = true;
    api
      .call('datasets.builtins', {})
      .then((list) => {
        if (!live) return;
        setBuiltins(list);
        const saved = valueRef.current;
        setOptionTexts(
          Object.fromEntries(
            list.map((d) => {
              const texts: Partial<Record<BuiltInOption, string>> = {};
              for (const option of BUILT_IN_OPTIONS) {
                const fallback = d.options?.[option];
                if (fallback === undefined) continue;
                const own =
                  saved?.source === 'builtin' && saved.name === d.name ? saved[option] : undefined;
                texts[option] = String(own ?? fallback);
              }
              return [d.name, texts];
            }),
          ),
        );
      })
      .catch((error: unknown) => {
        if (live) setBuiltinsError(describeError(error));
      });
    return () => {
      live = false;
    };
  }, [api]);

  const tryDataset = useCallback(
    (spec: DatasetSpec, origin: Origin, options: { commit?: boolean; delay?: number } = {}) => {
      clearTimeout(typingTimer.current);
      const run = () => {
        const request = (latestRequest.current += 1);
        const network = graphRef.current;
        setPending({ spec, origin });
        setRefreshing(false);
        setFailure(undefined);
        api
          .call('datasets.preview', { data: spec, graph: network })
          .then((result) => {
            if (request !== latestRequest.current) return;
            setShown({ spec, result, graph: network });
            setPending(undefined);
            if (spec.source === 'builtin') setOpenBuiltin(spec.name);
            if ((options.commit ?? true) && !sameSpec(spec, valueRef.current)) {
              onChangeRef.current(spec);
            }
          })
          .catch((error: unknown) => {
            if (request !== latestRequest.current) return;
            setPending(undefined);
            setFailure({ origin, message: describeError(error) });
          });
      };
      if (options.delay) typingTimer.current = setTimeout(run, options.delay);
      else run();
    },
    [api],
  );

  // The saved choice (at first, or when the workspace loads it later) is shown, not re-chosen.
  useEffect(() => {
    if (!value || sameSpec(value, shown?.spec) || sameSpec(value, pending?.spec)) return;
    tryDataset(value, 'saved', { commit: false });
    // Only a new value from outside starts this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  // The network changed in the editor: check the fit again after a pause.
  useEffect(() => {
    if (!shown || shown.graph === graph || pending) return;
    const timer = setTimeout(() => {
      const request = (latestRequest.current += 1);
      setRefreshing(true);
      api
        .call('datasets.preview', { data: shown.spec, graph })
        .then((result) => {
          if (request !== latestRequest.current) return;
          setShown({ spec: shown.spec, result, graph });
          setRefreshing(false);
        })
        .catch((error: unknown) => {
          if (request !== latestRequest.current) return;
          setRefreshing(false);
          setShown({ ...shown, graph });
          setFailure({ origin: 'saved', message: describeError(error) });
        });
    }, GRAPH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [api, graph, shown, pending]);

  const applyFixes =
    onApplyFix || onApplyFixes
      ? (edits: readonly FitEdit[]) => {
          let refused: string | void = undefined;
          if (onApplyFixes) refused = onApplyFixes(edits);
          else for (const edit of edits) refused ??= onApplyFix!(edit);
          // Applied: the network changes, and the fit is checked again like after any edit.
          setApplyError(refused ? { graph, message: refused } : undefined);
        }
      : undefined;

  const pickBuiltin = (name: string) => {
    setOpenBuiltin(name);
    const spec = builtInSpec(name as Extract<DatasetSpec, { source: 'builtin' }>['name'], {
      ...optionTexts[name],
    });
    // A setting with a bad value is already explained at its field; nothing loads until fixed.
    if (spec) tryDataset(spec, 'builtin');
  };

  const changeOption = (name: string, option: BuiltInOption, text: string) => {
    const texts = { ...optionTexts[name], [option]: text };
    setOptionTexts({ ...optionTexts, [name]: texts });
    const spec = builtInSpec(name as Extract<DatasetSpec, { source: 'builtin' }>['name'], texts);
    if (spec) tryDataset(spec, 'builtin', { delay: TYPING_PAUSE_MS });
    else clearTimeout(typingTimer.current);
  };

  const setProblem = useCallback((slot: ImportSlot | 'load', message: string | undefined) => {
    setProblems((current) => ({ ...current, [slot]: message }));
  }, []);

  /** Uploads files (picked or dropped) and puts each where its kind belongs. */
  const upload = async (files: File[], slot: ImportSlot | undefined) => {
    setUploading(true);
    setProblems({});
    let next = forms;
    let toTry: { spec: DatasetSpec; kind: ImportKind } | undefined;
    for (const file of files) {
      try {
        const stored = await uploadDataFile(api, file);
        const picked = { path: stored.path, name: file.name };
        if (stored.kind === 'csv') {
          next = {
            ...next,
            kind: 'csv',
            csv: {
              ...next.csv,
              file: picked,
              table: undefined,
              target: '',
              savedTarget: undefined,
            },
          };
          // The CSV form reads the columns, then tries the file with the target it picks.
          toTry = undefined;
        } else if (stored.kind === 'images') {
          next = { ...next, kind: 'images', images: { ...next.images, folder: picked } };
          const spec = imageSpec(next.images);
          toTry = spec ? { spec, kind: 'images' } : undefined;
        } else {
          const which =
            slot === 'idx-images'
              ? 'images'
              : slot === 'idx-labels'
                ? 'labels'
                : idxSlot(file.name);
          next = { ...next, kind: 'idx', idx: { ...next.idx, [which]: picked } };
          const spec = idxSpec(next.idx);
          toTry = spec ? { spec, kind: 'idx' } : undefined;
        }
      } catch (error) {
        const unchanged = shown
          ? ` Nothing was changed: the data set is still “${shown.result.info.title}”.`
          : ' Nothing was changed.';
        setProblem(slot ?? 'load', `${describeError(error)}${unchanged}`);
      }
    }
    setForms(next);
    setUploading(false);
    if (next !== forms) setSide('import');
    if (toTry) tryDataset(toTry.spec, toTry.kind);
  };

  const tryImport = (spec: DatasetSpec, kind: ImportKind, typing = false) =>
    tryDataset(spec, kind, typing ? { delay: TYPING_PAUSE_MS } : {});

  const chosenBuiltin = shown?.spec.source === 'builtin' ? shown.spec.name : undefined;
  const pendingTitle = pending ? titleOf(pending.spec, builtins) : '';
  const csvTarget = csvTargetName(shown);
  const stillChosen = shown
    ? ` Nothing was changed: the data set is still “${shown.result.info.title}”.`
    : '';
  const importFailure =
    failure && failure.origin !== 'builtin' && failure.origin !== 'saved'
      ? `${failure.message}${stillChosen}`
      : undefined;

  return (
    <div
      className={`data-panel${dragging ? ' data-panel-dragging' : ''}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const files = [...event.dataTransfer.files];
        if (files.length > 0) void upload(files, undefined);
      }}
    >
      <div className="data-choose">
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
            <section aria-label="Built-in data sets">
              {builtinsError && (
                <p className="data-alert" role="alert">
                  {builtinsError}
                </p>
              )}
              {!builtins && !builtinsError && <p className="data-hint">Loading the list…</p>}
              {builtins && (
                <BuiltinList
                  builtins={builtins}
                  selected={chosenBuiltin}
                  pending={pending?.spec.source === 'builtin' ? pending.spec.name : undefined}
                  onPick={pickBuiltin}
                  renderExtra={(name, title) =>
                    name === openBuiltin ? (
                      <>
                        <BuiltinOptions
                          title={title}
                          texts={optionTexts[name] ?? {}}
                          onChange={(option, text) => changeOption(name, option, text)}
                        />
                        {failure?.origin === 'builtin' && (
                          <p className="data-alert" role="alert">
                            {failure.message}
                            {stillChosen}
                          </p>
                        )}
                      </>
                    ) : null
                  }
                />
              )}
            </section>
          ) : (
            <ImportSection
              forms={forms}
              setForms={setForms}
              desktop={transport === 'electron'}
              onTry={tryImport}
              onUpload={(files, slot) => void upload(files, slot)}
              problems={{ ...problems, load: importFailure }}
              setProblem={setProblem}
              busy={uploading || pending !== undefined}
            />
          )}
        </div>
      </div>

      <div className="data-view">
        {failure?.origin === 'saved' && (
          <p className="data-alert" role="alert">
            {failure.message}
          </p>
        )}
        {problems.load && (
          <p className="data-alert" role="alert">
            {problems.load}
          </p>
        )}
        {(pending || uploading) && (
          <p className="data-loading" role="status">
            {uploading ? 'Uploading…' : `Loading ${pendingTitle}…`}
          </p>
        )}
        {shown ? (
          <div className={pending ? 'data-stale' : undefined}>
            <PreviewPane
              result={shown.result}
              // The fit shown is for an older network until the check after an edit is back.
              refreshing={refreshing || shown.graph !== graph}
              target={csvTarget}
              onApplyFixes={applyFixes}
              applyError={applyError?.graph === graph ? applyError.message : undefined}
            />
          </div>
        ) : (
          !pending &&
          !uploading && (
            <p className="empty data-empty">
              Choose a built-in data set or import your own to see its examples here, and whether it
              fits your network.
            </p>
          )
        )}
      </div>
      {dragging && (
        <div className="data-drop-overlay" aria-hidden="true">
          Drop a CSV file, IDX files or a .zip of an image folder to import it
        </div>
      )}
    </div>
  );
}

function titleOf(spec: DatasetSpec, builtins: readonly BuiltInDescription[] | undefined): string {
  switch (spec.source) {
    case 'builtin':
      return builtins?.find((b) => b.name === spec.name)?.title ?? spec.name;
    case 'csv':
    case 'text-csv':
    case 'images':
      return spec.path.split(/[\\/]/).filter(Boolean).pop() ?? spec.path;
    case 'idx':
      return spec.images.split(/[\\/]/).filter(Boolean).pop() ?? spec.images;
  }
}

/** The CSV target column's name, to mark it in the table. */
function csvTargetName(shown: Shown | undefined): string | undefined {
  if (!shown || shown.spec.source !== 'csv' || shown.result.preview.kind !== 'table')
    return undefined;
  const { target } = shown.spec;
  const columns = shown.result.preview.columns;
  if (typeof target === 'string') return target;
  return columns[target ?? columns.length - 1];
}
