import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ImportKind } from '../../../shared/data/dataset-preview';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import type { GraphDocument } from '../../../shared/graph/document';
import { describeError, useApi, useLatestRequest } from '../api';
import { sameSpec, type Shown } from './model/dataset-choice';

/** Where a data set being tried came from: a card, an import form, or the saved choice. */
export type Origin = 'builtin' | ImportKind | 'saved';

export interface TryOptions {
  /** Choose it (onChange) once it loads; true unless it is the saved choice being shown. */
  readonly commit?: boolean;
  /** Wait this long first (the user is typing); a newer try in the meantime replaces it. */
  readonly delay?: number;
}

export interface DatasetPreview {
  /** The data set on show, with the network its fit was checked against. */
  readonly shown: Shown | undefined;
  /** The data set being loaded, if one is. */
  readonly pending: { readonly spec: DatasetSpec; readonly origin: Origin } | undefined;
  /** The fit is being checked again after a network edit. */
  readonly refreshing: boolean;
  /** Why the last try failed, and where it was started. */
  readonly failure: { readonly origin: Origin; readonly message: string } | undefined;
  /** Loads a data set's preview; it is shown (and chosen) once it loads. */
  readonly tryDataset: (spec: DatasetSpec, origin: Origin, options?: TryOptions) => void;
  /** Drops a try that is waiting for the user to stop typing. */
  readonly cancelTyping: () => void;
}

/** Waits this long after the last network edit before checking the fit again. */
const GRAPH_PAUSE_MS = 400;

/**
 * The data set the panel shows, and the fit check that comes with it. A data set is chosen
 * (onChange) only once it has loaded, so a file that cannot be used leaves the previous choice;
 * the saved choice is shown, not chosen again; and after an edit of the network the fit is
 * checked again. Answers arrive late: only the newest request may change what is shown.
 */
export function useDatasetPreview({
  graph,
  value,
  onChange,
  onShown,
}: {
  readonly graph: GraphDocument;
  readonly value: DatasetSpec | undefined;
  readonly onChange: (spec: DatasetSpec) => void;
  /** Called when a try has loaded and is on show. */
  readonly onShown?: (spec: DatasetSpec) => void;
}): DatasetPreview {
  const api = useApi();
  const latest = useLatestRequest();
  const [shown, setShown] = useState<Shown>();
  const [pending, setPending] = useState<DatasetPreview['pending']>();
  const [refreshing, setRefreshing] = useState(false);
  const [failure, setFailure] = useState<DatasetPreview['failure']>();

  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const graphRef = useRef(graph);
  const valueRef = useRef(value);
  const onChangeRef = useRef(onChange);
  const onShownRef = useRef(onShown);
  // Late answers read the props as they are then, not as they were when the call started.
  useLayoutEffect(() => {
    graphRef.current = graph;
    valueRef.current = value;
    onChangeRef.current = onChange;
    onShownRef.current = onShown;
  });
  useEffect(() => () => clearTimeout(typingTimer.current), []);

  const cancelTyping = useCallback(() => clearTimeout(typingTimer.current), []);

  const tryDataset = useCallback(
    (spec: DatasetSpec, origin: Origin, options: TryOptions = {}) => {
      clearTimeout(typingTimer.current);
      const run = () => {
        const network = graphRef.current;
        setPending({ spec, origin });
        setRefreshing(false);
        setFailure(undefined);
        latest.run(
          () => api.call('datasets.preview', { data: spec, graph: network }),
          (result) => {
            setShown({ spec, result, graph: network });
            setPending(undefined);
            onShownRef.current?.(spec);
            if ((options.commit ?? true) && !sameSpec(spec, valueRef.current)) {
              onChangeRef.current(spec);
            }
          },
          (error: unknown) => {
            setPending(undefined);
            setFailure({ origin, message: describeError(error) });
          },
        );
      };
      if (options.delay) typingTimer.current = setTimeout(run, options.delay);
      else run();
    },
    [api, latest],
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
      setRefreshing(true);
      latest.run(
        () => api.call('datasets.preview', { data: shown.spec, graph }),
        (result) => {
          setShown({ spec: shown.spec, result, graph });
          setRefreshing(false);
        },
        (error: unknown) => {
          setRefreshing(false);
          setShown({ ...shown, graph });
          setFailure({ origin: 'saved', message: describeError(error) });
        },
      );
    }, GRAPH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [api, latest, graph, shown, pending]);

  return { shown, pending, refreshing, failure, tryDataset, cancelTyping };
}
