import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../src/main/engine/export/export-error';
import type { ExportFiles } from '../../../src/main/engine/export/export-network';
import { tfjsExporter } from '../../../src/main/engine/export/tfjs-export';
import { importLayersModel } from '../../../src/main/model-import/import-model';
import { findKind } from '../../../src/shared/catalog/registry';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { parseGraphDocumentOrThrow } from '../../../src/shared/graph/parse';
import { analyzeGraph } from '../../../src/shared/inference/analyze';
import { randomWeights } from '../../fixtures/export/random-weights';
import { templateFile } from '../../fixtures/export/trained-xor';
import {
  compiledWith,
  importedWeights,
  predictionsOf,
  someExamples,
} from '../../fixtures/import/import-helpers';
import { weightValues } from '../../fixtures/saved-weights';
import { template } from '../../fixtures/training';

/**
 * Export as TF.js (the real exporter) → import: every template comes back as the same network,
 * with the same weights, and answers exactly as before. Templates with an activation only
 * Neurite has are refused by the exporter, as its own tests say.
 */

const TEMPLATES = readdirSync(path.dirname(templateFile('xor-mlp')))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''));

/** What a network is, apart from where its nodes lie in the file. */
function essence(document: GraphDocument) {
  return {
    metadata: document.metadata,
    nodes: [...document.nodes].sort((a, b) => a.id.localeCompare(b.id)),
    edges: document.edges
      .map((e) => `${e.id}: ${e.source.node} → ${e.target.node}.${e.target.port}`)
      .sort(),
  };
}

async function exported(document: GraphDocument) {
  const weights = await randomWeights(document);
  try {
    return { weights, files: await tfjsExporter.write({ document, weights }) };
  } catch (error) {
    if (error instanceof ExportError && error.code === 'unsupported') return { weights };
    throw error;
  }
}

function importFiles(files: ExportFiles, change?: (modelJson: Record<string, unknown>) => void) {
  let modelJson = files.get('model.json')!;
  if (change) {
    const parsed = JSON.parse(Buffer.from(modelJson).toString('utf8'));
    change(parsed);
    modelJson = Buffer.from(JSON.stringify(parsed));
  }
  return importLayersModel(
    [
      { name: 'model.json', bytes: modelJson },
      { name: 'weights.bin', bytes: files.get('weights.bin')! },
    ],
    'exported.zip',
  );
}

describe.each(TEMPLATES)('the %s template, exported as TF.js and imported', (name) => {
  const document = parseGraphDocumentOrThrow(template(name));

  it('comes back as the same network, with the same weights, answering the same', async () => {
    const { weights, files } = await exported(document);
    if (!files) {
      // The exporter refuses Neurite's own binary step and hard tanh.
      expect(
        document.nodes.some((n) => ['step', 'hardTanh'].includes(String(n.params['activation']))),
      ).toBe(true);
      return;
    }
    const imported = importFiles(files);
    expect(essence(imported.document)).toEqual(essence(document));
    expect(imported.document.nodes.map((n) => n.id)).toEqual(document.nodes.map((n) => n.id));
    expect(imported.notes).toEqual([]);
    expect(Object.fromEntries(weightValues(importedWeights(imported)))).toEqual(
      Object.fromEntries(weightValues(weights)),
    );

    const before = compiledWith(document, weights);
    const after = compiledWith(imported.document, importedWeights(imported));
    const examples = someExamples(before);
    try {
      expect(predictionsOf(after, examples)).toEqual(predictionsOf(before, examples));
    } finally {
      examples.dispose();
      before.model.dispose();
      after.model.dispose();
    }
  });

  it('is read from its layers alone: the same layers and weights without the kept network', async () => {
    const { weights, files } = await exported(document);
    if (!files) return;
    const imported = importFiles(files, (json) => delete json['userDefinedMetadata']);
    const outputIds = new Set(
      document.nodes.filter((n) => findKind(n.kind)!.role === 'output').map((n) => n.id),
    );
    const layers = (doc: GraphDocument) =>
      doc.nodes
        .filter((n) => findKind(n.kind)!.role !== 'output')
        .map((n) => [n.id, n.kind, n.trainable ?? true])
        .sort();
    expect(layers(imported.document)).toEqual(layers(document));
    // Every layer becomes the same TF.js layers, whatever form its params took.
    const analysis = analyzeGraph(document);
    for (const node of imported.document.nodes) {
      const original = document.nodes.find((n) => n.id === node.id);
      if (!original || outputIds.has(node.id)) continue;
      const kind = findKind(node.kind)!;
      const inputs = document.edges
        .filter((e) => e.target.node === node.id)
        .map((e) => analysis.nodes.get(e.source.node)!.output!);
      expect(kind.toTfjs(node.params, inputs), node.id).toEqual(
        kind.toTfjs(original.params, inputs),
      );
    }
    const connections = (doc: GraphDocument, renamed: (id: string) => string) =>
      doc.edges.map((e) => `${e.source.node} → ${renamed(e.target.node)}.${e.target.port}`).sort();
    expect(connections(imported.document, (id) => (id.startsWith('output') ? 'OUT' : id))).toEqual(
      connections(document, (id) => (outputIds.has(id) ? 'OUT' : id)),
    );
    expect(Object.fromEntries(weightValues(importedWeights(imported)))).toEqual(
      Object.fromEntries(weightValues(weights)),
    );
    expect(
      imported.notes.some((note) => note.includes('guessed it from the last activation')),
    ).toBe(true);
  });
});

describe('a frozen layer, exported and imported', () => {
  it('stays frozen, from the TF.js layer itself', async () => {
    const xor = parseGraphDocumentOrThrow(template('xor-mlp'));
    const hidden = xor.nodes.find((n) => n.kind === 'Dense')!.id;
    const frozen: GraphDocument = {
      ...xor,
      nodes: xor.nodes.map((n) => (n.id === hidden ? { ...n, trainable: false } : n)),
    };
    const { files } = await exported(frozen);
    const topology = JSON.parse(Buffer.from(files!.get('model.json')!).toString('utf8'));
    const layer = topology.modelTopology.config.layers.find(
      (l: { name: string }) => l.name === hidden,
    );
    expect(layer.config.trainable).toBe(false);
    for (const change of [
      undefined,
      (json: Record<string, unknown>) => delete json['userDefinedMetadata'],
    ]) {
      const imported = importFiles(files!, change);
      expect(imported.document.nodes.find((n) => n.id === hidden)!.trainable).toBe(false);
      expect(imported.document.nodes.filter((n) => n.trainable === false)).toHaveLength(1);
    }
  });
});
