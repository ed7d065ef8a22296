/**
 * What looking inside while training costs: training throughput with the live saliency maps
 * and decision boundary on, against off, for the same template, data and settings, in the
 * same process. Target: on is at least 90% as fast as off (a drop under 10%).
 *
 *   LeNet-5      2,000 real MNIST digits (1,600 trained, 400 validated), 3 epochs of 32
 *   XOR MLP      the 4 XOR rows, 2,000 epochs of one full batch (saliency and boundary)
 *   Iris         softmax regression, 120 + 30 flowers, 200 epochs of 16 (saliency per feature)
 *
 * A run's time is from its `started` event to its last `epoch` event, so it holds every batch,
 * every validation and every look inside (including opening the copy of the network they use),
 * but not loading the data or the final evaluation. Samples/s is the training examples times
 * the epochs over that time; "per CPU second" divides by the process's CPU time over the same
 * span instead, which other work on a shared machine disturbs less than the clock. Runs
 * alternate off, on, on, off, … and the median of each is printed, with the number of looks
 * and the share of the time they took.
 *
 * Run: npm run bench:live-inside [-- --backend=wasm --repeats=4]
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrainerControls } from '../src/main/engine/training/controls';
import { runTraining } from '../src/main/engine/training/run-training';
import type { DatasetSpecInput } from '../src/shared/data/dataset-spec';
import type { BackendChoice } from '../src/shared/training/backends';
import { trainingJobSchema } from '../src/shared/training/commands';
import type { TrainingConfigInput } from '../src/shared/training/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = (name: string, fallback: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;

interface Case {
  readonly title: string;
  readonly template: string;
  readonly data: DatasetSpecInput;
  readonly config: TrainingConfigInput;
}

const CASES: readonly Case[] = [
  {
    title: 'LeNet-5, MNIST',
    template: 'lenet-5',
    data: { source: 'builtin', name: 'mnist', limit: 2000 },
    config: {
      epochs: 3,
      batchSize: 32,
      validation: { kind: 'split', fraction: 0.2 },
      optimizer: { type: 'adam', learningRate: 0.001 },
    },
  },
  {
    title: 'XOR MLP 2-2-1',
    template: 'xor-mlp',
    data: { source: 'builtin', name: 'xor' },
    config: {
      epochs: 2000,
      batchSize: 4,
      validation: { kind: 'none' },
      optimizer: { type: 'adam', learningRate: 0.05 },
    },
  },
  {
    title: 'Iris, softmax regression',
    template: 'softmax-regression',
    data: { source: 'builtin', name: 'iris' },
    config: {
      epochs: 200,
      batchSize: 16,
      validation: { kind: 'split', fraction: 0.2 },
      optimizer: { type: 'adam', learningRate: 0.01 },
    },
  },
];

interface Measured {
  readonly samplesPerSecond: number;
  readonly samplesPerCpuSecond: number;
  readonly looks: number;
  readonly lookMs: number;
  readonly ms: number;
}

async function trainOnce(item: Case, backend: BackendChoice, liveInside: boolean) {
  const graph: unknown = JSON.parse(
    readFileSync(path.join(root, 'resources/templates', `${item.template}.json`), 'utf8'),
  );
  const job = trainingJobSchema.parse({
    graph,
    data: item.data,
    backend,
    config: { ...item.config, liveInside },
  });
  let started = 0;
  let lastEpoch = 0;
  let cpuStart = process.cpuUsage();
  let cpu = { user: 0, system: 0 };
  let samples = 0;
  let looks = 0;
  let lookMs = 0;
  const final = await runTraining(job, {
    controls: new TrainerControls(),
    emit: (event) => {
      if (event.type === 'started') {
        started = performance.now();
        cpuStart = process.cpuUsage();
        samples = event.samples.train;
      } else if (event.type === 'epoch') {
        lastEpoch = performance.now();
        cpu = process.cpuUsage(cpuStart);
      } else if (event.type === 'inside') {
        looks += 1;
        lookMs += event.elapsedMs;
      }
    },
  });
  if (final.type !== 'finished') throw new Error(`${item.title}: ${JSON.stringify(final)}`);
  const ms = lastEpoch - started;
  const epochs = item.config.epochs ?? 1;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    samplesPerSecond: (samples * epochs) / (ms / 1000),
    samplesPerCpuSecond: (samples * epochs) / cpuSeconds,
    looks,
    lookMs,
    ms,
  };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main(): Promise<void> {
  const backend = flag('backend', 'wasm') as BackendChoice;
  const repeats = Number(flag('repeats', '4'));
  console.log(
    `Backend ${backend} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ${repeats} runs each way, alternating.`,
  );
  const rows: string[][] = [];
  for (const item of CASES) {
    await trainOnce(item, backend, false); // warm-up: kernels, data caches
    const off: Measured[] = [];
    const on: Measured[] = [];
    for (let i = 0; i < repeats; i += 1) {
      // off, on, on, off, …: a slow drift of the machine weighs on both alike.
      const order = i % 2 === 0 ? [false, true] : [true, false];
      for (const live of order) (live ? on : off).push(await trainOnce(item, backend, live));
    }
    const offRate = median(off.map((m) => m.samplesPerSecond));
    const onRate = median(on.map((m) => m.samplesPerSecond));
    const lookShare = median(on.map((m) => m.lookMs / m.ms));
    const offCpu = median(off.map((m) => m.samplesPerCpuSecond));
    const onCpu = median(on.map((m) => m.samplesPerCpuSecond));
    rows.push([
      item.title,
      offRate.toFixed(0),
      onRate.toFixed(0),
      (onRate / offRate).toFixed(3),
      (onCpu / offCpu).toFixed(3),
      String(median(on.map((m) => m.looks))),
      `${(lookShare * 100).toFixed(1)}%`,
    ]);
  }
  const head = [
    'Template',
    'Off samples/s',
    'On samples/s',
    'On / off',
    'Per CPU second, on / off',
    'Looks',
    'Look time',
  ];
  const widths = head.map((title, c) => Math.max(title.length, ...rows.map((r) => r[c]!.length)));
  console.log(head.map((t, c) => t.padEnd(widths[c]!)).join('  '));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
}

void main();
