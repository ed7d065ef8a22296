import { describe, expect, it } from 'vitest';
import { LAYER_KINDS } from '../../../src/shared/catalog/registry';
import { chain } from '../../fixtures/build-graph';
import { analyzeGraph } from '../../../src/shared/inference/analyze';
import type { ShapeFigure } from './model';
import { NodeDataCache, shapeFigure } from './model';

describe('shapeFigure: the output drawn to scale', () => {
  const cases: [string, (number | null)[], ShapeFigure | undefined][] = [
    ['a 28×28 grey image', [28, 28, 1], { form: 'volume', height: 23, width: 23, depth: 4 }],
    ['LeNet C1: 28×28, 6 maps', [28, 28, 6], { form: 'volume', height: 23, width: 23, depth: 9 }],
    ['LeNet S4: 5×5, 16 maps', [5, 5, 16], { form: 'volume', height: 13, width: 13, depth: 12 }],
    ['a wide image', [8, 32, 3], { form: 'volume', height: 16, width: 24, depth: 7 }],
    ['many channels, capped', [2, 2, 4096], { form: 'volume', height: 8, width: 8, depth: 16 }],
    ['a sequence of any length', [null, 16], { form: 'sequence', length: 19, depth: 12 }],
    ['784 numbers, capped', [784], { form: 'vector', length: 48 }],
    ['XOR’s 2 inputs', [2], { form: 'vector', length: 9 }],
    ['one number', [1], { form: 'vector', length: 4 }],
    ['a scalar', [], undefined],
    ['four axes', [2, 2, 2, 2], undefined],
  ];
  it.each(cases)('%s', (_, shape, expected) => {
    expect(shapeFigure(shape)).toEqual(expected);
  });

  it('a larger volume is drawn larger on every side', () => {
    const small = shapeFigure([5, 5, 6]);
    const large = shapeFigure([28, 28, 16]);
    if (small?.form !== 'volume' || large?.form !== 'volume') throw new Error('not volumes');
    expect(large.height).toBeGreaterThan(small.height);
    expect(large.width).toBeGreaterThan(small.width);
    expect(large.depth).toBeGreaterThan(small.depth);
  });
});

describe('each kind’s look, a fact of the kind in the catalog', () => {
  it.each(LAYER_KINDS.map((k) => [k.kind, k] as const))(
    '%s has a colour and an icon',
    (_, kind) => {
      expect(kind.look.colour).toMatch(/^#[0-9a-f]{6}$/);
      expect([...kind.look.icon]).toHaveLength(1);
    },
  );

  it('tells the families apart: Dense, Conv2D, MaxPool2D and LSTM have four colours', () => {
    const colour = (name: string) => LAYER_KINDS.find((k) => k.kind === name)!.look.colour;
    expect(new Set(['Dense', 'Conv2D', 'MaxPool2D', 'LSTM'].map(colour)).size).toBe(4);
  });

  it('reaches the card with the output’s numbers for its picture', () => {
    const doc = chain({ form: 'vector', shape: [4] }, [['Dense', { units: 8 }]]);
    const analysis = analyzeGraph(doc);
    const node = doc.nodes.find((n) => n.id === 'l1')!;
    const face = new NodeDataCache().get(node, analysis.nodes.get('l1'));
    expect(face).toMatchObject({ colour: '#3867d6', icon: '●', outputShape: '8' });
    expect(face.outputDims).toEqual([8]);
  });
});
