/**
 * Shape inference runs on every edit in the editor, so a 300-node graph must be analysed in
 * under 5 ms. Prints the median and 95th percentile over many runs for three graph shapes.
 * Run: npm run bench:inference
 */
import os from 'node:os';
import type { GraphDocument } from '../src/shared/graph/document';
import { parseGraphDocumentOrThrow } from '../src/shared/graph/parse';
import { analyzeGraph } from '../src/shared/inference/analyze';

type Node = { id: string; kind: string; params: Record<string, unknown> };
type Edge = [string, string, string?];

function document(nodes: Node[], edges: Edge[]): GraphDocument {
  return parseGraphDocumentOrThrow({
    format: 'neurite-graph',
    version: 1,
    metadata: { name: 'bench' },
    nodes: nodes.map((n, i) => ({ ...n, position: { x: 0, y: i * 100 } })),
    edges: edges.map(([s, t, port], i) => ({
      id: `e${i}`,
      source: { node: s, port: 'out' },
      target: { node: t, port: port ?? 'in' },
    })),
  });
}

/** 298 Dense layers in a row. */
function denseChain(): GraphDocument {
  const nodes: Node[] = [{ id: 'x', kind: 'Input', params: { form: 'vector', shape: [64] } }];
  for (let i = 0; i < 298; i += 1) {
    nodes.push({ id: `d${i}`, kind: 'Dense', params: { units: 32, activation: 'relu' } });
  }
  nodes.push({ id: 'y', kind: 'Output', params: { task: 'regression', loss: 'meanSquaredError' } });
  const edges: Edge[] = nodes.slice(1).map((n, i) => [nodes[i]!.id, n.id]);
  return document(nodes, edges);
}

/** 37 residual blocks of Conv → BatchNorm → Conv → Add(skip) → Activation (≈ 300 nodes). */
function residualTower(): GraphDocument {
  const nodes: Node[] = [
    { id: 'x', kind: 'Input', params: { form: 'image', shape: [32, 32, 16] } },
  ];
  const edges: Edge[] = [];
  let previous = 'x';
  for (let b = 0; b < 37; b += 1) {
    const ids = [`c${b}a`, `bn${b}a`, `r${b}`, `c${b}b`, `bn${b}b`, `add${b}`, `act${b}`, `dr${b}`];
    nodes.push(
      { id: ids[0]!, kind: 'Conv2D', params: { filters: 16, kernelSize: 3, padding: 'same' } },
      { id: ids[1]!, kind: 'BatchNorm', params: {} },
      { id: ids[2]!, kind: 'Activation', params: { activation: 'relu' } },
      { id: ids[3]!, kind: 'Conv2D', params: { filters: 16, kernelSize: 3, padding: 'same' } },
      { id: ids[4]!, kind: 'BatchNorm', params: {} },
      { id: ids[5]!, kind: 'Add', params: { inputs: 2 } },
      { id: ids[6]!, kind: 'Activation', params: { activation: 'relu' } },
      { id: ids[7]!, kind: 'Dropout', params: { rate: 0.1 } },
    );
    edges.push(
      [previous, ids[0]!],
      [ids[0]!, ids[1]!],
      [ids[1]!, ids[2]!],
      [ids[2]!, ids[3]!],
      [ids[3]!, ids[4]!],
      [ids[4]!, ids[5]!, 'in1'],
      [previous, ids[5]!, 'in2'],
      [ids[5]!, ids[6]!],
      [ids[6]!, ids[7]!],
    );
    previous = ids[7]!;
  }
  nodes.push({ id: 'gap', kind: 'GlobalAvgPool2D', params: {} });
  nodes.push({ id: 'y', kind: 'Output', params: { task: 'regression', loss: 'meanSquaredError' } });
  edges.push([previous, 'gap'], ['gap', 'y']);
  return document(nodes, edges);
}

/** 300 nodes of which half are broken (errors must not make analysis slower). */
function brokenChain(): GraphDocument {
  const nodes: Node[] = [{ id: 'x', kind: 'Input', params: { form: 'vector', shape: [784] } }];
  for (let i = 0; i < 298; i += 1) {
    nodes.push(
      i % 2 === 0
        ? { id: `n${i}`, kind: 'Conv2D', params: { filters: 4 } }
        : { id: `n${i}`, kind: 'Dense', params: { units: 8 } },
    );
  }
  nodes.push({ id: 'y', kind: 'Output', params: { task: 'regression', loss: 'meanSquaredError' } });
  const edges: Edge[] = nodes.slice(1).map((n, i) => [nodes[i]!.id, n.id]);
  return document(nodes, edges);
}

function measure(name: string, doc: GraphDocument, runs = 500): void {
  for (let i = 0; i < 50; i += 1) analyzeGraph(doc);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    analyzeGraph(doc);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const verdict = at(0.95) < 5 ? 'ok' : 'OVER TARGET';
  console.log(
    `${name.padEnd(34)} ${String(doc.nodes.length).padStart(4)} nodes  median ${at(0.5).toFixed(3)} ms  p95 ${at(0.95).toFixed(3)} ms  max ${times[times.length - 1]!.toFixed(3)} ms  [${verdict}, target < 5 ms]`,
  );
}

console.log(
  `Shape inference on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}`,
);
measure('Dense chain', denseChain());
measure('Residual conv tower', residualTower());
measure('Chain with 149 shape errors', brokenChain());
