import { describe, expect, it } from 'vitest';
import { chain } from '../../fixtures/build-graph';
import { EditorHistory } from './model';

const start = () => chain({ form: 'vector', shape: [4] }, [['Dense', { units: 8 }]]);
const position = (history: EditorHistory, id: string) =>
  history.document.nodes.find((n) => n.id === id)!.position;

function drag(history: EditorHistory, id: string, steps: number) {
  history.beginGesture();
  for (let i = 1; i <= steps; i += 1) {
    history.apply({ type: 'moveNodes', positions: { [id]: { x: i, y: 2 * i } } });
  }
  history.endGesture();
}

describe('EditorHistory', () => {
  it('undoes a 50-step drag in one step, and redoes it', () => {
    const original = start();
    const history = new EditorHistory(original);
    drag(history, 'l1', 50);
    expect(position(history, 'l1')).toEqual({ x: 50, y: 100 });
    expect(history.undoDepth).toBe(1);
    const dragged = history.document;

    expect(history.undo()).toBe(true);
    expect(history.document).toStrictEqual(original);
    expect(history.canUndo).toBe(false);

    expect(history.redo()).toBe(true);
    expect(history.document).toStrictEqual(dragged);
  });

  it('makes each change outside a gesture its own step', () => {
    const original = start();
    const history = new EditorHistory(original);
    history.apply({ type: 'setLabel', id: 'l1', label: 'hidden' });
    history.apply({ type: 'setParams', id: 'l1', params: { units: 3 } });
    expect(history.undoDepth).toBe(2);
    history.undo();
    expect(history.document.nodes[1]).toMatchObject({ label: 'hidden', params: { units: 8 } });
    history.undo();
    expect(history.document).toStrictEqual(original);
    expect(history.undo()).toBe(false);
  });

  it('groups everything since the last mark', () => {
    const original = start();
    const history = new EditorHistory(original);
    history.beginGesture();
    history.apply({ type: 'setLabel', id: 'l1', label: 'a' });
    history.apply({ type: 'moveNodes', positions: { x: { x: 9, y: 9 } } });
    history.mark();
    history.apply({ type: 'setParams', id: 'l1', params: { units: 2 } });
    history.endGesture();
    expect(history.undoDepth).toBe(2);
    history.undo();
    expect(history.document.nodes[1]!.params['units']).toBe(8);
    expect(history.document.nodes[1]!.label).toBe('a');
    history.undo();
    expect(history.document).toStrictEqual(original);
  });

  it('clears the redo stack when a new change follows an undo', () => {
    const history = new EditorHistory(start());
    history.apply({ type: 'setLabel', id: 'l1', label: 'one' });
    history.undo();
    expect(history.canRedo).toBe(true);
    history.apply({ type: 'setLabel', id: 'l1', label: 'two' });
    expect(history.canRedo).toBe(false);
    expect(history.redo()).toBe(false);
    expect(history.document.nodes[1]!.label).toBe('two');
  });

  it('records nothing for a refused change', () => {
    const original = start();
    const history = new EditorHistory(original);
    const result = history.apply({ type: 'setParams', id: 'l1', params: { units: -3 } });
    expect(result.ok).toBe(false);
    expect(history.document).toBe(original);
    expect(history.canUndo).toBe(false);
  });

  it('keeps at most maxSteps steps, dropping the oldest', () => {
    const history = new EditorHistory(start(), { maxSteps: 3 });
    for (let i = 1; i <= 5; i += 1) {
      history.apply({ type: 'setParams', id: 'l1', params: { units: i } });
    }
    expect(history.undoDepth).toBe(3);
    while (history.undo());
    expect(history.document.nodes[1]!.params['units']).toBe(2);
  });

  it('keeps 500 steps by default', () => {
    const history = new EditorHistory(start());
    for (let i = 1; i <= 510; i += 1) {
      history.apply({ type: 'moveNodes', positions: { l1: { x: i, y: 0 } } });
    }
    expect(history.undoDepth).toBe(500);
  });

  it('reverts a cancelled gesture without recording it', () => {
    const original = start();
    const history = new EditorHistory(original);
    history.beginGesture();
    history.apply({ type: 'moveNodes', positions: { l1: { x: 5, y: 5 } } });
    history.apply({ type: 'moveNodes', positions: { x: { x: 7, y: 7 } } });
    history.cancelGesture();
    expect(history.document).toStrictEqual(original);
    expect(history.canUndo).toBe(false);
  });

  it('undoes a gesture in progress as one step', () => {
    const original = start();
    const history = new EditorHistory(original);
    history.beginGesture();
    history.apply({ type: 'moveNodes', positions: { l1: { x: 5, y: 5 } } });
    history.undo();
    expect(history.inGesture).toBe(false);
    expect(history.document).toStrictEqual(original);
  });

  it('tells subscribers about every change to the document', () => {
    const history = new EditorHistory(start());
    let calls = 0;
    const unsubscribe = history.subscribe(() => (calls += 1));
    history.apply({ type: 'setLabel', id: 'l1', label: 'a' });
    history.undo();
    history.redo();
    unsubscribe();
    history.undo();
    expect(calls).toBe(3);
  });
});
