import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DependencyList,
} from 'react';
import { LatestOnly } from './latest-only';

/**
 * Requests started by hand (a click, a timer) of which only the newest counts; see LatestOnly.
 * Whatever is still out when the component goes away is dropped.
 */
export function useLatestRequest(): LatestOnly {
  const [latest] = useState(() => new LatestOnly());
  useEffect(() => () => latest.cancel(), [latest]);
  return latest;
}

export interface RequestState<T> {
  /** The newest answer; kept while a newer request is out, so the screen does not go blank. */
  readonly data: T | undefined;
  /** Why the newest request failed; undefined once one succeeds. */
  readonly error: unknown;
  /** A request is out whose answer has not come back yet. */
  readonly loading: boolean;
  /** Asks again with the same input, e.g. when an event says the answer has changed. */
  readonly reload: () => void;
}

interface Settled<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  /** The deps (and reload count) of the request this answer belongs to. */
  readonly for: DependencyList | undefined;
}

const sameDeps = (a: DependencyList | undefined, b: DependencyList) =>
  a !== undefined && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * Runs `work` when the component appears and again whenever `deps` change or `reload` is
 * called, like an effect; a later request supersedes an earlier one, so a slow answer that
 * arrives after a newer one (or after the component went away) never wins. Pass undefined as
 * `work` to ask nothing (the last answer stays).
 */
export function useRequest<T>(
  work: ((signal: AbortSignal) => Promise<T>) | undefined,
  deps: DependencyList,
): RequestState<T> {
  const latest = useLatestRequest();
  const [reloads, setReloads] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({
    data: undefined,
    error: undefined,
    for: undefined,
  });
  // The effect runs the newest `work`; only `deps` decide when it runs.
  const workRef = useRef(work);
  useLayoutEffect(() => {
    workRef.current = work;
  });

  const asking = work !== undefined;
  const key = [...deps, asking, reloads];
  useEffect(() => {
    const current = workRef.current;
    if (!current) {
      latest.cancel();
      return;
    }
    const started = key;
    return latest.run(
      current,
      (data) => setSettled({ data, error: undefined, for: started }),
      (error: unknown) => setSettled((before) => ({ data: before.data, error, for: started })),
    );
    // `key` is deps plus what else decides a new request; the caller lists the deps.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, key);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const loading = asking && !sameDeps(settled.for, key);
  return useMemo(
    () => ({ data: settled.data, error: settled.error, loading, reload }),
    [settled, loading, reload],
  );
}
