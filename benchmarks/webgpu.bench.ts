/**
 * WebGPU against WebAssembly: which GPU adapter WebGPU finds here, whether automatic backend
 * selection would train on it, and samples per second of the two networks of
 * train-throughput.bench.ts that Neurite's targets are set on:
 *
 *   mlp: MLP 784 → Dense 128 ReLU → Dense 10 softmax
 *   cnn: CNN 28×28×1 → Conv2D 8 3×3 ReLU → MaxPool 2 → Flatten → Dense 10 softmax
 *
 * Batch 64, Adam (lr 0.001), categorical cross-entropy, 2,048 real MNIST digits (the `mnist`
 * package). A step is what Neurite's trainer does per batch: build the batch tensors,
 * tf.variableGrads of the loss, optimizer.applyGradients, read the loss back with
 * `await data()` (WebGPU cannot read synchronously in Node.js). The first steps compile
 * WebGPU's shaders and are left out. Each backend runs in its own process.
 *
 * What only a real GPU can show (the speed-up, a hardware adapter chosen automatically) is
 * printed here; on a machine whose only adapter is a software renderer (lavapipe) the WebGPU
 * numbers are that renderer's, on the processor.
 *
 * Run: npm run bench:webgpu [-- --backends=webgpu,wasm --models=mlp,cnn --seconds=5 --repeat=1]
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { nodeRequire } from '../src/main/engine/backends/node-require';
import { selectBackend } from '../src/main/engine/backends/select-backend';
import { compileGraph } from '../src/main/engine/compiler/compile-graph';
import { tf } from '../src/main/engine/tf';
import { LOSS_FUNCTIONS } from '../src/main/engine/training/losses';
import { createOptimizer } from '../src/main/engine/training/optimizer';
import type { GraphDocument } from '../src/shared/graph/document';
import { parseGraphDocumentOrThrow } from '../src/shared/graph/parse';
import type { BackendName, BackendReport, WebGpuAdapter } from '../src/shared/training/backends';
import { activeBackendTitle, adapterName, webGpuAdapterOf } from '../src/shared/training/backends';

const SELF = fileURLToPath(import.meta.url);
const BATCH = 64;
const SAMPLES = 2048;
const WARMUP_STEPS = 5;
const MODELS = ['mlp', 'cnn'] as const;
type ModelName = (typeof MODELS)[number];

const MODEL_TITLES: Record<ModelName, string> = {
  mlp: 'MLP 784-128-10',
  cnn: 'CNN conv8-pool-dense10',
};

interface Measurement {
  readonly backend: BackendName;
  readonly model: ModelName;
  readonly samplesPerSecond: number;
  readonly msPerStep: number;
  readonly steps: number;
  readonly finalLoss: number;
  /** webgpu: the adapter it ran on. */
  readonly adapter?: WebGpuAdapter;
}

/** A chain of layers between an Input and a classification Output. */
function chain(
  layers: { id: string; kind: string; params: object }[],
  input: object,
): GraphDocument {
  const nodes = [
    { id: 'x', kind: 'Input', params: input },
    ...layers,
    {
      id: 'y',
      kind: 'Output',
      params: { task: 'classification', loss: 'categoricalCrossentropy' },
    },
  ];
  return parseGraphDocumentOrThrow({
    format: 'neurite-graph',
    version: 1,
    metadata: { name: 'bench' },
    nodes: nodes.map((n, i) => ({ ...n, position: { x: 0, y: i * 100 } })),
    edges: nodes.slice(1).map((n, i) => ({
      id: `e${i}`,
      source: { node: nodes[i]!.id, port: 'out' },
      target: { node: n.id, port: 'in' },
    })),
  });
}

/** The same networks as train-throughput.bench.ts's mlp and cnn. */
const NETWORKS: Record<ModelName, () => GraphDocument> = {
  mlp: () =>
    chain(
      [
        { id: 'hidden', kind: 'Dense', params: { units: 128, activation: 'relu' } },
        { id: 'digits', kind: 'Dense', params: { units: 10, activation: 'softmax' } },
      ],
      { form: 'vector', shape: [784] },
    ),
  cnn: () =>
    chain(
      [
        {
          id: 'conv',
          kind: 'Conv2D',
          params: { filters: 8, kernelSize: [3, 3], activation: 'relu' },
        },
        { id: 'pool', kind: 'MaxPool2D', params: { poolSize: [2, 2] } },
        { id: 'flat', kind: 'Flatten', params: {} },
        { id: 'digits', kind: 'Dense', params: { units: 10, activation: 'softmax' } },
      ],
      { form: 'image', shape: [28, 28, 1] },
    ),
};

interface MnistDigit {
  get(index: number): number[];
}

/** Real MNIST digits, round-robin over the ten classes, one-hot labels. */
function loadDigits(count: number): { images: Float32Array; labels: Float32Array } {
  const mnist = nodeRequire('mnist') as MnistDigit[];
  const images = new Float32Array(count * 784);
  const labels = new Float32Array(count * 10);
  for (let i = 0; i < count; i++) {
    const digit = i % 10;
    images.set(mnist[digit]!.get(Math.floor(i / 10)), i * 784);
    labels[i * 10 + digit] = 1;
  }
  return { images, labels };
}

async function measure(
  backend: BackendName,
  model: ModelName,
  seconds: number,
): Promise<Measurement> {
  const report = await selectBackend(backend);
  const digits = loadDigits(SAMPLES);
  const { model: net } = compileGraph(NETWORKS[model](), { seed: 1 });
  const shape = model === 'mlp' ? [784] : [28, 28, 1];
  const optimizer = createOptimizer({
    type: 'adam',
    learningRate: 0.001,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
  });
  const loss = LOSS_FUNCTIONS.categoricalCrossentropy;
  const variables = net.trainableWeights.map((w) => w.read() as tf.Variable);
  const batches = SAMPLES / BATCH;
  let lastLoss = Number.NaN;
  const step = async (b: number) => {
    const from = (b % batches) * BATCH;
    const x = tf.tensor(digits.images.subarray(from * 784, (from + BATCH) * 784), [
      BATCH,
      ...shape,
    ]);
    const y = tf.tensor2d(digits.labels.subarray(from * 10, (from + BATCH) * 10), [BATCH, 10]);
    const { value, grads } = tf.variableGrads(
      () => loss(y, net.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
      variables,
    );
    optimizer.applyGradients(grads);
    lastLoss = (await value.data())[0]!;
    tf.dispose([x, y, value, ...Object.values(grads)]);
  };
  for (let b = 0; b < WARMUP_STEPS; b++) await step(b);
  let steps = 0;
  const started = performance.now();
  while (steps < 10 || performance.now() - started < seconds * 1000) {
    await step(WARMUP_STEPS + steps++);
  }
  const elapsed = (performance.now() - started) / 1000;
  const adapter = webGpuAdapterOf(report);
  return {
    backend,
    model,
    samplesPerSecond: (steps * BATCH) / elapsed,
    msPerStep: (elapsed * 1000) / steps,
    steps,
    finalLoss: lastLoss,
    ...(adapter ? { adapter } : {}),
  };
}

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

/** Runs this file as a child: `--child <what> …`, which prints one JSON line. */
function runChild(args: string[]): { ok: true; value: unknown } | { ok: false; reason: string } {
  const child = spawnSync(process.execPath, [...process.execArgv, SELF, '--child', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
  if (child.status !== 0 || !line) {
    return {
      ok: false,
      reason: (child.stderr || child.stdout).trim().split('\n').slice(-3).join(' '),
    };
  }
  const parsed = JSON.parse(line) as { value?: unknown; unavailable?: string };
  return parsed.unavailable === undefined
    ? { ok: true, value: parsed.value }
    : { ok: false, reason: parsed.unavailable };
}

function describeAdapter(adapter: WebGpuAdapter): string {
  return `${adapterName(adapter)} (vendor ${adapter.vendor || '?'}, architecture ${adapter.architecture || '?'}, device ${adapter.device || '?'}${adapter.software ? ', a software renderer' : ', hardware'})`;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
}

function parent(): void {
  const backends = (option('backends')?.split(',') ?? ['webgpu', 'wasm']) as BackendName[];
  const models = (option('models')?.split(',') ?? [...MODELS]) as ModelName[];
  const seconds = Number(option('seconds') ?? 5);
  const repeat = Number(option('repeat') ?? 1);
  const cpus = os.cpus();
  console.log(
    'WebGPU training throughput: batch 64, Adam, categorical cross-entropy, 2,048 MNIST digits',
  );
  console.log(
    `${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, Node ${process.versions.node}, ${os.type()} ${os.release()}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(
    `${WARMUP_STEPS} warm-up steps, then at least ${seconds} s per row; best of ${repeat}; load average ${loadAverage()}\n`,
  );

  const auto = runChild(['auto']);
  if (auto.ok) {
    const report = auto.value as BackendReport;
    const adapter = webGpuAdapterOf(report);
    console.log(`WebGPU adapter: ${adapter ? describeAdapter(adapter) : 'none found'}`);
    console.log(`Automatic selection trains on: ${activeBackendTitle(report)}`);
    const webgpu = report.tried.find((t) => t.backend === 'webgpu');
    if (webgpu?.reason) console.log(`  WebGPU not chosen: ${webgpu.reason}`);
  } else {
    console.log(`Automatic selection failed: ${auto.reason}`);
  }
  console.log('');

  const rows: Measurement[] = [];
  for (const model of models) {
    for (const backend of backends) {
      let fastest: Measurement | undefined;
      for (let i = 0; i < repeat; i++) {
        const run = runChild(['measure', backend, model, String(seconds)]);
        if (!run.ok) {
          console.log(
            `  ${backend.padEnd(7)} ${MODEL_TITLES[model].padEnd(24)} not measured: ${run.reason}`,
          );
          break;
        }
        const m = run.value as Measurement;
        if (!fastest || m.samplesPerSecond > fastest.samplesPerSecond) fastest = m;
      }
      if (!fastest) continue;
      rows.push(fastest);
      console.log(
        `  ${backend.padEnd(7)} ${MODEL_TITLES[model].padEnd(24)} ${Math.round(fastest.samplesPerSecond).toLocaleString('en-US').padStart(7)} samples/s ${fastest.msPerStep.toFixed(2).padStart(8)} ms/step  loss ${fastest.finalLoss.toFixed(4)}${fastest.adapter ? `  on ${adapterName(fastest.adapter)}` : ''}`,
      );
    }
  }

  console.log('\n| Model | Backend | Samples/s | ms/step | vs wasm |');
  console.log('|---|---|--:|--:|--:|');
  for (const m of rows) {
    const wasm = rows.find((r) => r.model === m.model && r.backend === 'wasm');
    const ratio =
      wasm && m !== wasm ? `${(m.samplesPerSecond / wasm.samplesPerSecond).toFixed(2)}×` : '';
    const backend = m.adapter ? `webgpu (${adapterName(m.adapter)})` : m.backend;
    console.log(
      `| ${MODEL_TITLES[m.model]} | ${backend} | ${Math.round(m.samplesPerSecond).toLocaleString('en-US')} | ${m.msPerStep.toFixed(2)} | ${ratio} |`,
    );
  }
  console.log(`\nload average at the end: ${loadAverage()}`);
}

async function child(): Promise<void> {
  const args = process.argv.slice(process.argv.indexOf('--child') + 1);
  try {
    const value =
      args[0] === 'auto'
        ? await selectBackend('auto')
        : await measure(args[1] as BackendName, args[2] as ModelName, Number(args[3]));
    process.stdout.write(`${JSON.stringify({ value })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ unavailable: (error as Error).message })}\n`);
  }
}

if (process.argv.includes('--child')) void child();
else parent();
