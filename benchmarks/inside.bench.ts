/**
 * Looking inside speed: how long one explanation of one MNIST digit takes on LeNet-5 (the
 * template), and one pass of a 100 × 100 decision-boundary grid through a small 2-D network.
 *
 *   saliency             target < 200 ms per digit
 *   integrated gradients target < 2 s per digit (50 steps)
 *   smoothgrad           25 noisy copies (no target; for comparison)
 *   grad-cam             last convolution
 *   boundary grid        target < 100 ms per update: 10,000 points through 2 → 8 → 8 → 1
 *
 * Each is timed on real MNIST digits after 2 warm-up runs; the median and the slowest of the
 * timed runs are printed. Weights are the template's initial ones: speed does not depend on
 * their values.
 *
 * Run: npm run bench:inside [-- --backend=wasm --runs=10]
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectBackend } from '../src/main/engine/backends/select-backend';
import { explainExample } from '../src/main/engine/inside/explain';
import { openInsideModel } from '../src/main/engine/inside/inside-model';
import { predictValues } from '../src/main/engine/inside/predict';
import { mnist } from '../src/main/data/builtin/mnist';
import type { ExplainMethod } from '../src/shared/inside/inside-schemas';
import { parseGraphDocumentOrThrow } from '../src/shared/graph/parse';
import type { BackendChoice } from '../src/shared/training/backends';
import { buildGraphForBench } from './bench-graphs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = (name: string, fallback: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;

function timeRuns(runs: number, work: () => void): { median: number; max: number } {
  for (let i = 0; i < 2; i += 1) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]! };
}

async function main(): Promise<void> {
  const backend = flag('backend', 'wasm') as BackendChoice;
  const runs = Number(flag('runs', '10'));
  const report = await selectBackend(backend);
  console.log(
    `Backend ${report.active} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ${runs} timed runs each.`,
  );
  const lenet = openInsideModel(
    parseGraphDocumentOrThrow(
      JSON.parse(readFileSync(path.join(root, 'resources/templates/lenet-5.json'), 'utf8')),
    ),
  );
  const digits = await mnist(runs + 2);
  const size = 28 * 28;
  let next = 0;
  const digit = () => {
    const i = next++ % digits.examples.count;
    return digits.examples.x.subarray(i * size, (i + 1) * size) as Float32Array;
  };
  const rows: string[][] = [];
  const methods: [ExplainMethod, string, number | undefined][] = [
    ['saliency', 'Saliency, LeNet-5, one digit', 200],
    ['integrated-gradients', 'Integrated Gradients (50 steps), LeNet-5', 2000],
    ['smoothgrad', 'SmoothGrad (25 copies), LeNet-5', undefined],
    ['gradcam', 'Grad-CAM (last convolution), LeNet-5', undefined],
  ];
  for (const [method, title, target] of methods) {
    const { median, max } = timeRuns(runs, () => {
      explainExample(lenet, digit(), { method });
    });
    rows.push([
      title,
      `${median.toFixed(1)} ms`,
      `${max.toFixed(1)} ms`,
      target ? `< ${target} ms` : '',
    ]);
  }
  lenet.dispose();

  const plane = openInsideModel(buildGraphForBench());
  const grid = new Float32Array(100 * 100 * 2);
  for (let i = 0; i < 100; i += 1) {
    for (let j = 0; j < 100; j += 1) {
      grid[(i * 100 + j) * 2] = -3 + (6 * j) / 99;
      grid[(i * 100 + j) * 2 + 1] = -3 + (6 * i) / 99;
    }
  }
  const { median, max } = timeRuns(runs, () => {
    predictValues(plane, grid, 10_000);
  });
  rows.push([
    'Decision boundary, 100 × 100 grid, 2-8-8-1',
    `${median.toFixed(1)} ms`,
    `${max.toFixed(1)} ms`,
    '< 100 ms',
  ]);
  plane.dispose();

  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length), 8));
  console.log(
    ['What', 'Median', 'Slowest', 'Target'].map((t, c) => t.padEnd(widths[c]!)).join('  '),
  );
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
}

void main();
