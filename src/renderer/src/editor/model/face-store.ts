import type { LayerNodeData } from './node-faces';

/**
 * What each layer's card shows (shape, parameters, problems), kept beside React Flow rather
 * than in its nodes. An edit that changes every shape then redraws the cards' contents only:
 * React Flow's nodes, which it compares and re-measures one by one, stay the same objects.
 */
export class FaceStore {
  private faces: ReadonlyMap<string, LayerNodeData>;
  /** Listeners by layer id: a card hears only about its own face. */
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(faces: ReadonlyMap<string, LayerNodeData> = new Map()) {
    this.faces = faces;
  }

  get(id: string): LayerNodeData | undefined {
    return this.faces.get(id);
  }

  /** Replaces every face; only the cards whose face object changed are told. */
  set(faces: ReadonlyMap<string, LayerNodeData>): void {
    if (faces === this.faces) return;
    const before = this.faces;
    this.faces = faces;
    for (const [id, listeners] of this.listeners) {
      if (before.get(id) === faces.get(id)) continue;
      for (const listener of listeners) listener();
    }
  }

  subscribe(id: string, listener: () => void): () => void {
    let listeners = this.listeners.get(id);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(id, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.listeners.get(id) === listeners) this.listeners.delete(id);
    };
  }
}
