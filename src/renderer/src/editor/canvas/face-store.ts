import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { LayerNodeData } from '../model';

/**
 * What each layer's card shows (shape, parameters, problems), kept beside React Flow rather
 * than in its nodes. An edit that changes every shape then redraws the cards' contents only:
 * React Flow's nodes, which it compares and re-measures one by one, stay the same objects.
 */
export class FaceStore {
  private faces: ReadonlyMap<string, LayerNodeData>;
  private readonly listeners = new Set<() => void>();

  constructor(faces: ReadonlyMap<string, LayerNodeData> = new Map()) {
    this.faces = faces;
  }

  get(id: string): LayerNodeData | undefined {
    return this.faces.get(id);
  }

  /** Replaces every face; cards whose face object is unchanged do not redraw. */
  set(faces: ReadonlyMap<string, LayerNodeData>): void {
    if (faces === this.faces) return;
    this.faces = faces;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const FaceStoreContext = createContext<FaceStore | undefined>(undefined);

/** The face of one layer; re-renders its card only when that face changes. */
export function useFace(id: string): LayerNodeData | undefined {
  const store = useContext(FaceStoreContext);
  const get = useCallback(() => store?.get(id), [store, id]);
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, get);
}

function noSubscribe(): () => void {
  return () => undefined;
}
