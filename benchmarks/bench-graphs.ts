import type { GraphDocument } from '../src/shared/graph/document';
import { parseGraphDocumentOrThrow } from '../src/shared/graph/parse';

/** A TensorFlow-Playground-sized network for 2-D points: 2 → 8 tanh → 8 tanh → 1 sigmoid. */
export function buildGraphForBench(): GraphDocument {
  const layers = [
    ['Dense', { units: 8, activation: 'tanh' }],
    ['Dense', { units: 8, activation: 'tanh' }],
    ['Dense', { units: 1, activation: 'sigmoid' }],
  ] as const;
  const ids = ['x', 'h1', 'h2', 'p', 'y'];
  return parseGraphDocumentOrThrow({
    format: 'neurite-graph',
    version: 1,
    metadata: { name: 'Plane', description: '' },
    nodes: [
      { id: 'x', kind: 'Input', position: { x: 0, y: 0 }, params: { form: 'vector', shape: [2] } },
      ...layers.map(([kind, params], i) => ({
        id: ids[i + 1]!,
        kind,
        position: { x: 0, y: (i + 1) * 100 },
        params,
      })),
      {
        id: 'y',
        kind: 'Output',
        position: { x: 0, y: 400 },
        params: { task: 'classification', loss: 'binaryCrossentropy' },
      },
    ],
    edges: ids.slice(1).map((id, i) => ({
      id: `e${i}`,
      source: { node: ids[i]!, port: 'out' },
      target: { node: id, port: 'in' },
    })),
  });
}
