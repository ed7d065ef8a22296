import type { GraphDocument } from '../../../../shared/graph/document';
import type { ApplyResult, Change, Position } from './changes';
import { applyChange } from './changes';

/**
 * The document being edited and its undo history (tldraw's HistoryManager): every applied
 * change is recorded with its inverse, and a mark closes one undo step. Selection, viewport
 * and hover are view state; they never pass through here, so undo never moves the camera.
 *
 * Outside a gesture each change is its own step. Between `beginGesture()` and `endGesture()`
 * (a drag, a slider being scrubbed) every change joins one step, so a whole drag is undone at
 * once.
 */
export interface EditorHistoryOptions {
  /** Undo steps kept; the oldest are dropped beyond this. */
  readonly maxSteps?: number;
}

interface Step {
  /** Applied in order to redo. */
  readonly forward: Change[];
  /** Applied in order to undo: the inverses, last change first. */
  readonly backward: Change[];
}

export const DEFAULT_MAX_STEPS = 500;

export class EditorHistory {
  private current: GraphDocument;
  private readonly undoStack: Step[] = [];
  private redoStack: Step[] = [];
  private pending: Step = { forward: [], backward: [] };
  private gestureDepth = 0;
  private readonly maxSteps: number;
  private readonly listeners = new Set<() => void>();

  constructor(document: GraphDocument, options: EditorHistoryOptions = {}) {
    this.current = document;
    this.maxSteps = Math.max(1, options.maxSteps ?? DEFAULT_MAX_STEPS);
  }

  get document(): GraphDocument {
    return this.current;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0 || this.pending.forward.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Steps that `undo` can go back, the one in progress included. */
  get undoDepth(): number {
    return this.undoStack.length + (this.pending.forward.length > 0 ? 1 : 0);
  }

  get inGesture(): boolean {
    return this.gestureDepth > 0;
  }

  /** Applies and records a change. A refused change leaves document and history untouched. */
  apply(change: Change): ApplyResult {
    const result = applyChange(this.current, change);
    if (!result.ok) return result;
    this.current = result.doc;
    this.record(change, result.inverse);
    this.redoStack = [];
    if (this.gestureDepth === 0) this.mark();
    this.notify();
    return result;
  }

  /** Closes the step in progress: everything since the last mark is undone together. */
  mark(): void {
    if (this.pending.forward.length === 0) return;
    this.undoStack.push(this.pending);
    this.pending = { forward: [], backward: [] };
    if (this.undoStack.length > this.maxSteps) {
      this.undoStack.splice(0, this.undoStack.length - this.maxSteps);
    }
  }

  /** Starts a gesture; gestures nest, and the outermost `endGesture` closes the step. */
  beginGesture(): void {
    if (this.gestureDepth === 0) this.mark();
    this.gestureDepth += 1;
  }

  endGesture(): void {
    if (this.gestureDepth === 0) return;
    this.gestureDepth -= 1;
    if (this.gestureDepth === 0) this.mark();
  }

  /** Ends the gesture and reverts what it did (Escape during a drag); nothing is recorded. */
  cancelGesture(): void {
    this.gestureDepth = 0;
    const step = this.pending;
    this.pending = { forward: [], backward: [] };
    if (step.backward.length === 0) return;
    this.current = this.replay(step.backward);
    this.notify();
  }

  /** Undoes the last step; false when there is none. Ends any gesture in progress. */
  undo(): boolean {
    this.gestureDepth = 0;
    this.mark();
    const step = this.undoStack.pop();
    if (!step) return false;
    this.current = this.replay(step.backward);
    this.redoStack.push(step);
    this.notify();
    return true;
  }

  redo(): boolean {
    if (this.gestureDepth > 0 || this.pending.forward.length > 0) return false;
    const step = this.redoStack.pop();
    if (!step) return false;
    this.current = this.replay(step.forward);
    this.undoStack.push(step);
    this.notify();
    return true;
  }

  /** Replaces the document and forgets the history: after opening another file. */
  reset(document: GraphDocument): void {
    this.current = document;
    this.undoStack.length = 0;
    this.redoStack = [];
    this.pending = { forward: [], backward: [] };
    this.gestureDepth = 0;
    this.notify();
  }

  /** Called after every change to the document; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(change: Change, inverse: Change): void {
    const { forward, backward } = this.pending;
    const lastForward = forward[forward.length - 1];
    const firstBackward = backward[0];
    // A drag sends a move per frame: fold consecutive moves into one, keeping the
    // latest targets forward and the earliest positions backward.
    if (
      change.type === 'moveNodes' &&
      inverse.type === 'moveNodes' &&
      lastForward?.type === 'moveNodes' &&
      firstBackward?.type === 'moveNodes'
    ) {
      forward[forward.length - 1] = {
        type: 'moveNodes',
        positions: mergePositions(lastForward.positions, change.positions),
      };
      backward[0] = {
        type: 'moveNodes',
        positions: mergePositions(inverse.positions, firstBackward.positions),
      };
      return;
    }
    forward.push(change);
    backward.unshift(inverse);
  }

  private replay(changes: readonly Change[]): GraphDocument {
    let doc = this.current;
    for (const change of changes) {
      const result = applyChange(doc, change);
      // Recorded changes applied to the document they were recorded on cannot fail; if one
      // does, the history is corrupt and carrying on would lose the student's work silently.
      if (!result.ok) throw new Error(`Undo history is inconsistent: ${result.message}`);
      doc = result.doc;
    }
    return doc;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Later entries win. */
function mergePositions(
  earlier: Readonly<Record<string, Position>>,
  later: Readonly<Record<string, Position>>,
): Record<string, Position> {
  return { ...earlier, ...later };
}
