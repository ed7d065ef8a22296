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
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { selectBackend } from '../src/main/engine/backends/select-backend';
import type { BackendName, BackendReport, WebGpuAdapter } from '../src/shared/training/backends';
import { activeBackendTitle, adapterName, webGpuAdapterOf } from '../src/shared/training/backends';
import { answerParent, childArguments, option, runChild } from './child-runs';
import type { ModelName } from './mnist-training';
import { BATCH, MODEL_TITLES, timeSteps, prepareTraining, WARMUP_STEPS } from './mnist-training';

const SELF = fileURLToPath(import.meta.url);
/** The two networks Neurite's targets are set on (mnist-training.ts has them all). */
const WEBGPU_MODELS = ['mlp', 'cnn'] as const satisfies readonly ModelName[];

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

async function measure(
  backend: BackendName,
  model: ModelName,
  seconds: number,
): Promise<Measurement> {
  const report = await selectBackend(backend);
  const { steps, elapsed, lastLoss } = await timeSteps(prepareTraining(model), seconds);
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
  const models = (option('models')?.split(',') ?? [...WEBGPU_MODELS]) as ModelName[];
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

  const auto = runChild<BackendReport>(SELF, ['auto']);
  if (auto.ok) {
    const report = auto.value;
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
        const run = runChild<Measurement>(SELF, ['measure', backend, model, String(seconds)]);
        if (!run.ok) {
          console.log(
            `  ${backend.padEnd(7)} ${MODEL_TITLES[model].padEnd(24)} not measured: ${run.reason}`,
          );
          break;
        }
        const m = run.value;
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

const args = childArguments();
if (args) {
  void answerParent(() =>
    args[0] === 'auto'
      ? selectBackend('auto')
      : measure(args[1] as BackendName, args[2] as ModelName, Number(args[3])),
  );
} else parent();
