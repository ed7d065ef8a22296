import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../src/main/engine/compiler/compile-graph';
import { tf } from '../../src/main/engine/tf';
import { parseGraphDocument } from '../../src/shared/graph/parse';
import type { GraphDocument } from '../../src/shared/graph/document';
import { analyzeGraph } from '../../src/shared/inference/analyze';

/**
 * Every template a student can start from must open, analyse without errors and build in
 * TF.js exactly as the editor describes it: same weight counts, same shapes at every node.
 */

const TEMPLATES_DIR = fileURLToPath(new URL('../../resources/templates/', import.meta.url));
const files = readdirSync(TEMPLATES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** The architectures the course needs a ready-made starting point for. */
const REQUIRED = [
  'linear-regression',
  'perceptron',
  'logistic-regression',
  'softmax-regression',
  'xor-mlp',
  'dense-3-5-2',
  'mnist-deep-mlp',
  'conv-relu-pool',
  'lenet-5',
  'alexnet-small',
  'vgg-block',
  'resnet-basic-block',
  'inception-block',
  'text-lstm',
  'text-gru',
  'text-bilstm',
  'text-cnn',
  'seq2seq-encoder-decoder',
  'deep-autoencoder',
  'denoising-autoencoder',
  'conv-autoencoder',
  'simple-rnn-sequence',
  'lstm-sequence',
  'gru-sequence',
];

function load(file: string): GraphDocument {
  const result = parseGraphDocument(readFileSync(`${TEMPLATES_DIR}${file}`, 'utf8'));
  if (!result.ok) {
    throw new Error(`${file}: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
  return result.document;
}

function size(shape: readonly (number | null)[]): number {
  return shape.reduce<number>((a, b) => a * (b ?? 0), 1);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('template set', () => {
  it('has every required architecture, with kebab-case file names', () => {
    const names = files.map((f) => f.replace(/\.json$/, ''));
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(names).toEqual(expect.arrayContaining(REQUIRED));
  });
});

describe.each(files)('template %s', (file) => {
  it('parses with no problems', () => {
    const result = parseGraphDocument(readFileSync(`${TEMPLATES_DIR}${file}`, 'utf8'));
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.migrated).toEqual([]);
  });

  it('has a title, a description and readable, well-placed nodes', () => {
    const document = load(file);
    expect(document.metadata.name.trim().length).toBeGreaterThan(0);
    expect(document.metadata.name).not.toBe('Untitled network');
    // Two or three sentences for a first-year student.
    const sentences = document.metadata.description.split(/[.!?](?:\s|$)/).filter((s) => s.trim());
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
    for (const node of document.nodes) {
      if (node.kind !== 'Output') expect(node.label?.trim(), node.id).toBeTruthy();
    }
    // No two nodes stacked on the same spot of the canvas.
    const spots = new Set(document.nodes.map((n) => `${n.position.x},${n.position.y}`));
    expect(spots.size).toBe(document.nodes.length);
  });

  it('analyses with zero errors', () => {
    const analysis = analyzeGraph(load(file));
    expect(analysis.issues.filter((i) => i.severity === 'error')).toEqual([]);
    for (const node of analysis.nodes.values()) expect(node.output, node.nodeId).toBeDefined();
    expect(analysis.totals.total).toBeGreaterThan(0);
  });

  it('compiles, and TF.js agrees exactly with shape inference', () => {
    const document = load(file);
    const analysis = analyzeGraph(document);
    const { model, layersByNode } = compileGraph(document, { seed: 1 });
    try {
      expect(model.countParams()).toBe(analysis.totals.trainable + analysis.totals.nonTrainable);
      const trainable = model.trainableWeights.reduce((sum, w) => sum + size(w.shape), 0);
      expect(trainable).toBe(analysis.totals.trainable);

      for (const node of document.nodes) {
        if (node.kind === 'Input' || node.kind === 'Output') continue;
        const names = layersByNode.get(node.id);
        expect(names, node.id).toBeDefined();
        const last = model.getLayer(names![names!.length - 1]!);
        const inferred = analysis.nodes.get(node.id)!.output!.shape;
        expect(last.outputShape, node.id).toEqual([null, ...inferred]);
      }
    } finally {
      model.dispose();
    }
  });
});
