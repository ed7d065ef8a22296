import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../src/shared/inference/analyze';
import { buildGraph, chain } from '../../fixtures/build-graph';
import type { KeyInput } from './model';
import {
  AnalysisMemo,
  EditorHistory,
  NodeDataCache,
  SHORTCUTS,
  applyChange,
  autoLayout,
  commandForKey,
  copy,
  editParams,
  formatChord,
  fragmentFromText,
  fragmentToText,
} from './model';

/** Input a, b → Add with 3 inputs → Output; the third input fed by a as well. */
function threeWayAdd() {
  return buildGraph(
    [
      ['a', 'Input', { shape: [4] }],
      ['b', 'Input', { shape: [4] }],
      ['c', 'Input', { shape: [4] }],
      ['sum', 'Add', { inputs: 3 }],
      ['y', 'Output', { task: 'regression', loss: 'meanSquaredError' }],
    ],
    [
      ['a', 'sum', 'in1'],
      ['b', 'sum', 'in2'],
      ['c', 'sum', 'in3'],
      ['sum', 'y'],
    ],
  );
}

describe('editing a merge layer’s number of inputs', () => {
  it('drops the connections to ports that go away, in the same undo step', () => {
    const doc = threeWayAdd();
    const history = new EditorHistory(doc);
    const result = history.apply(editParams(history.document, 'sum', { inputs: 2 }));
    expect(result.ok).toBe(true);
    const into = history.document.edges.filter((e) => e.target.node === 'sum');
    expect(into.map((e) => e.target.port).sort()).toEqual(['in1', 'in2']);
    // Nothing dangles: the only complaint left is the Input that now feeds nothing.
    const errors = analyzeGraph(history.document).issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => e.nodeId)).toEqual(['c']);

    history.undo();
    expect(history.document).toEqual(doc);
    expect(history.undoDepth).toBe(0);
  });

  it('keeps every connection when ports are added, and is a plain edit then', () => {
    const doc = threeWayAdd();
    expect(editParams(doc, 'sum', { inputs: 4 })).toEqual({
      type: 'setParams',
      id: 'sum',
      params: { inputs: 4 },
    });
  });

  it('leaves a refused value to the history, which refuses it whole', () => {
    const history = new EditorHistory(threeWayAdd());
    const result = history.apply(editParams(history.document, 'sum', { inputs: 1 }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/"inputs" must be at least 2/);
    expect(history.document.edges).toHaveLength(4);
    expect(history.canUndo).toBe(false);
  });
});

describe('auto-layout', () => {
  it('puts each layer below the one feeding it, in one change that undo reverts', () => {
    const doc = chain({ form: 'vector', shape: [4] }, [['Dense', { units: 8 }]]);
    const scattered = applyChange(doc, {
      type: 'moveNodes',
      positions: { x: { x: 500, y: 40 }, l1: { x: -300, y: 900 }, y: { x: 20, y: 10 } },
    });
    if (!scattered.ok) throw new Error(scattered.message);
    const history = new EditorHistory(scattered.doc);
    const change = autoLayout(history.document, new Map());
    expect(change?.type).toBe('moveNodes');
    history.apply(change!);
    const at = (id: string) => history.document.nodes.find((n) => n.id === id)!.position;
    expect(at('l1').y).toBeGreaterThan(at('x').y);
    expect(at('y').y).toBeGreaterThan(at('l1').y);
    expect(at('x').x).toBe(at('l1').x);
    // The drawing stays where it was: its top-left corner does not move.
    expect(Math.min(...history.document.nodes.map((n) => n.position.y))).toBe(10);
    expect(Math.min(...history.document.nodes.map((n) => n.position.x))).toBe(-300);

    expect(autoLayout(history.document, new Map())).toBeUndefined();
    history.undo();
    expect(history.document).toEqual(scattered.doc);
  });

  it('lays out left to right when asked', () => {
    const doc = chain({ form: 'vector', shape: [4] }, [['Dense', { units: 8 }]]);
    const change = autoLayout(doc, new Map(), { direction: 'LR' });
    const moved = applyChange(doc, change!);
    if (!moved.ok) throw new Error(moved.message);
    const at = (id: string) => moved.doc.nodes.find((n) => n.id === id)!.position;
    expect(at('l1').x).toBeGreaterThan(at('x').x);
    expect(at('l1').y).toBe(at('x').y);
  });
});

describe('layers on the system clipboard', () => {
  const doc = chain({ form: 'vector', shape: [4] }, [['Dense', { units: 8 }]]);

  it('round-trips copied layers and the connections among them', () => {
    const fragment = copy(doc, { nodes: new Set(['x', 'l1']), edges: new Set() });
    const read = fragmentFromText(fragmentToText(fragment));
    expect(read).toEqual({ ok: true, fragment });
  });

  it('refuses anything else with a sentence that says what to do', () => {
    const cases: [string, RegExp][] = [
      ['', /clipboard is empty/],
      ['hello', /does not hold Neurite layers.*Copy layers/],
      ['{"nodes": []}', /does not hold Neurite layers/],
      ['[1, 2, 3]', /does not hold Neurite layers/],
      [
        JSON.stringify({ format: 'neurite-selection', version: 99, nodes: [], edges: [] }),
        /newer version of Neurite/,
      ],
      [
        JSON.stringify({ format: 'neurite-selection', version: 1, nodes: [{ id: 7 }], edges: [] }),
        /damaged/,
      ],
      [
        JSON.stringify({ format: 'neurite-selection', version: 1, nodes: [], edges: [] }),
        /no layers/,
      ],
    ];
    for (const [text, message] of cases) {
      const read = fragmentFromText(text);
      expect(read.ok, text).toBe(false);
      expect(!read.ok && read.message, text).toMatch(message);
    }
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });

  it('maps keys to commands, Ctrl or ⌘ alike', () => {
    expect(commandForKey(key('z', { ctrlKey: true }))).toBe('undo');
    expect(commandForKey(key('z', { metaKey: true }))).toBe('undo');
    expect(commandForKey(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(commandForKey(key('y', { ctrlKey: true }))).toBe('redo');
    expect(commandForKey(key('d', { ctrlKey: true }))).toBe('duplicate');
    expect(commandForKey(key('a', { ctrlKey: true }))).toBe('selectAll');
    expect(commandForKey(key('Delete'))).toBe('delete');
    expect(commandForKey(key('Backspace'))).toBe('delete');
    expect(commandForKey(key('?', { shiftKey: true }))).toBe('showShortcuts');
    expect(commandForKey(key('!', { shiftKey: true, code: 'Digit1' }))).toBe('fitView');
    expect(commandForKey(key('0', { ctrlKey: true }))).toBeUndefined();
    expect(commandForKey(key('L', { ctrlKey: true, shiftKey: true }))).toBe('autoLayout');
  });

  it('leaves plain typing and the clipboard keys alone', () => {
    expect(commandForKey(key('z'))).toBeUndefined();
    expect(commandForKey(key('a'))).toBeUndefined();
    expect(commandForKey(key('c', { ctrlKey: true }))).toBeUndefined();
    expect(commandForKey(key('v', { ctrlKey: true }))).toBeUndefined();
    expect(commandForKey(key('Delete', { ctrlKey: true }))).toBeUndefined();
  });

  it('lists every command once, worded for the platform', () => {
    const commands = SHORTCUTS.map((s) => s.command);
    expect(new Set(commands).size).toBe(commands.length);
    expect(formatChord({ key: 'z', mod: true, shift: true }, false)).toBe('Ctrl+Shift+Z');
    expect(formatChord({ key: 'z', mod: true, shift: true }, true)).toBe('⌘⇧Z');
    expect(formatChord({ key: '!', shift: true }, false)).toBe('Shift+1');
  });
});

describe('keeping the canvas fast', () => {
  const doc = chain({ form: 'vector', shape: [4] }, [['Dense', { units: 8 }]]);

  it('does not analyse again when only positions changed', () => {
    const memo = new AnalysisMemo();
    const first = memo.analyze(doc);
    const moved = applyChange(doc, { type: 'moveNodes', positions: { l1: { x: 50, y: 50 } } });
    if (!moved.ok) throw new Error(moved.message);
    expect(memo.analyze(moved.doc)).toBe(first);
    const edited = applyChange(moved.doc, { type: 'setParams', id: 'l1', params: { units: 3 } });
    if (!edited.ok) throw new Error(edited.message);
    const second = memo.analyze(edited.doc);
    expect(second).not.toBe(first);
    expect(second.nodes.get('l1')?.output?.shape).toEqual([3]);
  });

  it('keeps the face of a layer whose words did not change', () => {
    const cache = new NodeDataCache();
    const analysis = analyzeGraph(doc);
    const face = (d: typeof doc, a = analysis) =>
      cache.get(
        d.nodes.find((n) => n.id === 'x')!,
        a.nodes.get('x'),
      );
    const before = face(doc);
    // A re-analysis after an edit elsewhere gives new objects but the same words.
    const edited = applyChange(doc, { type: 'setParams', id: 'l1', params: { units: 3 } });
    if (!edited.ok) throw new Error(edited.message);
    expect(face(edited.doc, analyzeGraph(edited.doc))).toBe(before);
    const l1 = (d: typeof doc) =>
      cache.get(
        d.nodes.find((n) => n.id === 'l1')!,
        analyzeGraph(d).nodes.get('l1'),
      );
    const l1Before = l1(doc);
    const l1After = l1(edited.doc);
    expect(l1After).not.toBe(l1Before);
    expect(l1After.outputShape).toBe('3');
  });
});
