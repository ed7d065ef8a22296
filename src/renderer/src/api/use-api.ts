import { useEffect, useLayoutEffect, useRef, type DependencyList } from 'react';
import type {
  ApiCallName,
  ApiEventName,
  ApiEventPayload,
  ApiInput,
  ApiOutput,
} from '../../../shared/api/contract';
import { useApi } from './api-context';
import { useRequest, type RequestState } from './use-request';

/**
 * Calls `name` with `input` and keeps the newest answer (see useRequest). It asks again when
 * the input changes (compared by value, so an object written inline is fine), when one of
 * `deps` changes, or on `reload`; undefined as input asks nothing.
 */
export function useApiQuery<N extends ApiCallName>(
  name: N,
  input: ApiInput<N> | undefined,
  deps: DependencyList = [],
): RequestState<ApiOutput<N>> {
  const client = useApi();
  const key = input === undefined ? undefined : JSON.stringify(input);
  return useRequest(input === undefined ? undefined : () => client.call(name, input), [
    client,
    name,
    key,
    ...deps,
  ]);
}

/**
 * Listens to one API event while the component is shown. The newest `listener` is called, so
 * it may read the latest props and state without subscribing again on every render.
 */
export function useApiEvent<N extends ApiEventName>(
  name: N,
  listener: (payload: ApiEventPayload<N>) => void,
): void {
  const client = useApi();
  const listenerRef = useRef(listener);
  useLayoutEffect(() => {
    listenerRef.current = listener;
  });
  useEffect(() => client.on(name, (payload) => listenerRef.current(payload)), [client, name]);
}
