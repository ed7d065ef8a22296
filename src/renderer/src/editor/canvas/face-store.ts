import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { FaceStore, LayerNodeData } from '../model';

/** The editor's face store (see model/face-store.ts), for the cards to read their words from. */
export const FaceStoreContext = createContext<FaceStore | undefined>(undefined);

/**
 * One part of one layer's face, picked by `pick` (a module-level function returning a string,
 * number, boolean or an array the face cache keeps the same). The calling component re-renders
 * only when that part changes: after an edit that changes every shape, a card's title, settings
 * and connection dots are not drawn again.
 */
export function useFacePart<T>(id: string, pick: (face: LayerNodeData) => T): T | undefined {
  const store = useContext(FaceStoreContext);
  const subscribe = useCallback(
    (listener: () => void) => store?.subscribe(id, listener) ?? noUnsubscribe,
    [store, id],
  );
  const get = useCallback(() => {
    const face = store?.get(id);
    return face ? pick(face) : undefined;
  }, [store, id, pick]);
  return useSyncExternalStore(subscribe, get);
}

function noUnsubscribe(): void {}
