import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findKind } from '../../../src/shared/catalog/registry';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { parseGraphDocumentOrThrow } from '../../../src/shared/graph/parse';
import { analyzeGraph } from '../../../src/shared/inference/analyze';
import type { Change, LayerNodeData } from './model';
import { FaceStore, NodeDataCache, applyChange, describeParams } from './model';

/**
 * The canvas keeps each layer's words between edits and re-works out only what an edit can
 * have changed. Whatever it keeps, the words must be exactly those worked out from scratch.
 */

const TEMPLATES_DIR = fileURLToPath(new URL('../../../resources/templates/', import.meta.url));
const templates = readdirSync(TEMPLATES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

/** A random edit a student could make: a setting, a label, a deleted layer or connection. */
function randomChange(doc: GraphDocument, next: () => number): Change | undefined {
  const node = pick(next, doc.nodes);
  const roll = next();
  if (roll < 0.6) {
    const kind = findKind(node.kind);
    const fields = kind ? describeParams(kind) : [];
    const field = fields.length > 0 ? pick(next, fields) : undefined;
    if (!field) return undefined;
    if (field.type === 'number') {
      const low = field.min?.value ?? 0;
      const value = field.integer
        ? Math.max(1, Math.round(low + next() * 64))
        : Math.round((low + next() * 0.9) * 100) / 100;
      return { type: 'setParams', id: node.id, params: { [field.key]: value } };
    }
    if (field.type === 'choice') {
      return { type: 'setParams', id: node.id, params: { [field.key]: pick(next, field.options) } };
    }
    if (field.type === 'boolean') {
      return { type: 'setParams', id: node.id, params: { [field.key]: next() < 0.5 } };
    }
    return undefined;
  }
  if (roll < 0.75) {
    return { type: 'setLabel', id: node.id, label: next() < 0.3 ? undefined : `layer ${node.id}` };
  }
  if (roll < 0.85 && doc.edges.length > 0) {
    return { type: 'removeEdges', ids: [pick(next, doc.edges).id] };
  }
  if (roll < 0.92 && doc.nodes.length > 2) return { type: 'removeNodes', ids: [node.id] };
  return { type: 'moveNodes', positions: { [node.id]: { x: next() * 500, y: next() * 500 } } };
}

function facesFromScratch(doc: GraphDocument): Map<string, LayerNodeData> {
  const analysis = analyzeGraph(doc);
  const fresh = new NodeDataCache();
  return new Map(doc.nodes.map((n) => [n.id, fresh.get(n, analysis.nodes.get(n.id))]));
}

describe('the faces the canvas keeps between edits', () => {
  it.each(templates)('equal faces worked out from scratch across random edits of %s', (file) => {
    let doc = parseGraphDocumentOrThrow(JSON.parse(readFileSync(TEMPLATES_DIR + file, 'utf8')));
    const cache = new NodeDataCache();
    const next = random(file.length * 7919);
    let applied = 0;
    for (let step = 0; step < 60 && doc.nodes.length > 0; step += 1) {
      const change = randomChange(doc, next);
      if (change) {
        const result = applyChange(doc, change);
        if (result.ok) {
          doc = result.doc;
          applied += 1;
        }
      }
      const analysis = analyzeGraph(doc);
      cache.retain(new Set(doc.nodes.map((n) => n.id)));
      const kept = new Map(doc.nodes.map((n) => [n.id, cache.get(n, analysis.nodes.get(n.id))]));
      expect(kept).toEqual(facesFromScratch(doc));
    }
    expect(applied).toBeGreaterThan(10);
  });

  it('keeps the face object of a layer whose words did not change, and only tells its card', () => {
    const file = templates.find((f) => f.startsWith('xor-mlp'))!;
    const doc = parseGraphDocumentOrThrow(JSON.parse(readFileSync(TEMPLATES_DIR + file, 'utf8')));
    const cache = new NodeDataCache();
    const faces = (d: GraphDocument) => {
      const analysis = analyzeGraph(d);
      return new Map(d.nodes.map((n) => [n.id, cache.get(n, analysis.nodes.get(n.id))]));
    };
    const before = faces(doc);
    const input = doc.nodes.find((n) => n.kind === 'Input')!;
    const output = doc.nodes.find((n) => n.kind === 'Output')!;
    // Renaming the Output changes its name and nothing about any other layer.
    const renamed = applyChange(doc, { type: 'setLabel', id: output.id, label: 'Answer' });
    if (!renamed.ok) throw new Error(renamed.message);
    const after = faces(renamed.doc);
    expect(after.get(input.id)).toBe(before.get(input.id));
    expect(after.get(output.id)?.name).toBe('Answer');

    const store = new FaceStore(before);
    const told: string[] = [];
    for (const node of doc.nodes) store.subscribe(node.id, () => told.push(node.id));
    store.set(after);
    expect(told).toEqual([output.id]);
    expect(store.get(output.id)?.name).toBe('Answer');
  });

  it('puts a warning that will ruin training on the card it is about, and no other warning', () => {
    const file = templates.find((f) => f.startsWith('xor-mlp'))!;
    const doc = parseGraphDocumentOrThrow(JSON.parse(readFileSync(TEMPLATES_DIR + file, 'utf8')));
    const linearHead = applyChange(doc, {
      type: 'setParams',
      id: 'prediction',
      params: { ...doc.nodes.find((n) => n.id === 'prediction')!.params, activation: 'linear' },
    });
    if (!linearHead.ok) throw new Error(linearHead.message);
    const analysis = analyzeGraph(linearHead.doc);
    const cache = new NodeDataCache();
    const faces = linearHead.doc.nodes.map((n) => ({
      id: n.id,
      face: cache.get(n, analysis.nodes.get(n.id)),
    }));
    const withRuinous = faces.filter(({ face }) => face.ruinous.length > 0);
    expect(withRuinous).toHaveLength(1);
    expect(withRuinous[0]!.face.ruinous[0]).toMatch(/Binary cross-entropy, which expects Sigmoid/);
    // Every ruinous warning is one of the card's warnings; a card without one shows none.
    for (const { face } of faces) {
      for (const message of face.ruinous) expect(face.warnings).toContain(message);
    }
    const plain = new NodeDataCache();
    const plainAnalysis = analyzeGraph(doc);
    for (const node of doc.nodes) {
      expect(plain.get(node, plainAnalysis.nodes.get(node.id)).ruinous).toEqual([]);
    }
  });
});
