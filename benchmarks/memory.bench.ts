/**
 * Memory of training, measured as a student's computer would see it: the real `neurite train`
 * command (the built CLI and the trainer process it starts), its memory sampled every 100 ms
 * from /proc (VmRSS, and VmHWM, the highest it has been, which catches peaks between samples).
 * Target: the trainer process peaks at or under 1 GB (--target-mb), so that training leaves
 * room on a classroom laptop of 4 to 8 GB for the system, the browser and Neurite's window.
 *
 *   lenet   LeNet-5 on all 10,000 digits of the built-in `mnist` set (the first 10,000 of
 *           MNIST's training set), no validation split, 3 epochs, batch 32.
 *   vgg     The VGG-blocks template on 2,000 real 32 × 32 colour images: patches cut from ten
 *           photographs, one class per photograph (--photos), 2 epochs, batch 32.
 *   stream  An image folder of 100,000 PNG files, too many to hold in memory: the 70,000
 *           real Fashion-MNIST images (--fashion, Debian's copy by default) and 30,000 of them
 *           mirrored left-right, 28 × 28 grayscale, in class folders under the temporary
 *           folder. LeNet-5 trains one epoch on it while its memory is sampled over the epoch.
 *           Target: from a quarter of the epoch to its end, the trainer grows by at most 10 %.
 *   held    The same folder and training with every image held in memory instead
 *           (NEURITE_IMAGES_IN_MEMORY_MB=2048), for comparison; not run unless asked for.
 *
 * Linux only (it reads /proc). Build first: npm run build (or point --cli at another build).
 *
 * Run: npm run bench:memory [-- --parts=lenet,vgg,stream --backend=auto --target-mb=1024
 *        --photos=/tmp/neurite-bench-photos --fashion=/usr/share/datasets/fashion-mnist
 *        --stream-files=100000 --cli=out/main/cli.js]
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fashionFolder, filesInFolder, photoPatches } from './bench-image-folders';
import type { MeasuredRun, MemorySample } from './process-memory';
import { measureCommand, totalRss } from './process-memory';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 ** 2;
const PARTS = ['lenet', 'vgg', 'stream', 'held'] as const;
type Part = (typeof PARTS)[number];

const { values: options } = parseArgs({
  options: {
    parts: { type: 'string', default: 'lenet,vgg,stream' },
    backend: { type: 'string', default: 'auto' },
    'target-mb': { type: 'string', default: '1024' },
    photos: { type: 'string', default: path.join(os.tmpdir(), 'neurite-bench-photos') },
    'vgg-per-class': { type: 'string', default: '200' },
    fashion: { type: 'string', default: '/usr/share/datasets/fashion-mnist' },
    'stream-files': { type: 'string', default: '100000' },
    cli: { type: 'string', default: path.join(ROOT, 'out', 'main', 'cli.js') },
  },
});
const parts = options.parts.split(',') as Part[];
const unknownPart = parts.find((part) => !(PARTS as readonly string[]).includes(part));
if (unknownPart) throw new Error(`--parts: "${unknownPart}" is not one of ${PARTS.join(', ')}.`);
const targetBytes = Number(options['target-mb']) * MB;
const cli = path.resolve(options.cli);

/** Runs the CLI bundle as bin/neurite.js does, from a given build. */
const RUN_CLI = `const { runCli, processIO } = require(process.env.NEURITE_BENCH_CLI);
runCli(process.argv.slice(1), processIO()).then((code) => { process.exitCode = code; });`;

interface TrainEvent {
  readonly type: string;
  readonly at: number;
  readonly [key: string]: unknown;
}

interface TrainingMeasurement {
  readonly run: MeasuredRun;
  readonly events: readonly TrainEvent[];
  readonly backend: string;
  /** The trainer process's highest VmHWM, the CLI's, and the most both held at one sample. */
  readonly trainerPeak: number;
  readonly cliPeak: number;
  readonly treePeak: number;
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function train(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<TrainingMeasurement> {
  const run = await measureCommand(
    process.execPath,
    ['-e', RUN_CLI, 'train', ...args, '--backend', options.backend, '--json'],
    { cwd: ROOT, env: { ...process.env, ...env, NEURITE_BENCH_CLI: cli } },
  );
  const events: TrainEvent[] = [];
  for (const line of run.lines) {
    try {
      const event = JSON.parse(line.text) as { type: string };
      events.push({ ...event, at: line.at });
    } catch {
      // Not an event (a progress line): skipped.
    }
  }
  const last = events.at(-1);
  if (run.code !== 0 || last?.type !== 'finished') {
    throw new Error(
      `neurite train ${args.join(' ')} ended with ${run.code}: ${JSON.stringify(last)}\n${run.stderr}`,
    );
  }
  const started = events.find((event) => event.type === 'started') as
    { backend?: { active?: string } } | undefined;
  const trainer = run.peaks.filter((peak) => peak.command.includes('trainer'));
  const others = run.peaks.filter((peak) => !peak.command.includes('trainer'));
  return {
    run,
    events,
    backend: started?.backend?.active ?? '?',
    trainerPeak: Math.max(0, ...trainer.map((peak) => peak.peakBytes)),
    cliPeak: Math.max(0, ...others.map((peak) => peak.peakBytes)),
    treePeak: Math.max(0, ...run.samples.map(totalRss)),
  };
}

/** The trainer process's VmRSS at the sample nearest before `at` (the trainer is the child). */
function trainerRssAt(measurement: TrainingMeasurement, at: number): number {
  const trainerPids = new Set(
    measurement.run.peaks
      .filter((peak) => peak.command.includes('trainer'))
      .map((peak) => peak.pid),
  );
  let found: MemorySample | undefined;
  for (const sample of measurement.run.samples) {
    if (sample.at > at) break;
    if ([...sample.rss.keys()].some((pid) => trainerPids.has(pid))) found = sample;
  }
  if (!found) return 0;
  let sum = 0;
  for (const [pid, bytes] of found.rss) if (trainerPids.has(pid)) sum += bytes;
  return sum;
}

function epochLines(measurement: TrainingMeasurement): string[] {
  const started = measurement.events.find((event) => event.type === 'started')!;
  const lines = [
    `  training starts   ${seconds(started.at)}   trainer RSS ${mb(trainerRssAt(measurement, started.at))}`,
  ];
  let before = started.at;
  for (const event of measurement.events.filter((e) => e.type === 'epoch')) {
    const metrics = event['metrics'] as Record<string, number>;
    lines.push(
      `  epoch ${String(event['epoch'])} ends      ${seconds(event.at)}   trainer RSS ${mb(trainerRssAt(measurement, event.at))}   (${seconds(event.at - before)} for the epoch, loss ${(event['loss'] as number).toFixed(3)}, accuracy ${(metrics['accuracy'] ?? Number.NaN).toFixed(3)})`,
    );
    before = event.at;
  }
  return lines;
}

function report(title: string, measurement: TrainingMeasurement): void {
  const met = measurement.trainerPeak <= targetBytes;
  console.log(`\n${title}`);
  console.log(`  backend: ${measurement.backend}; wall time ${seconds(measurement.run.wallMs)}`);
  for (const line of epochLines(measurement)) console.log(line);
  console.log(
    `  peak RSS: trainer process ${mb(measurement.trainerPeak)}; CLI process ${mb(measurement.cliPeak)}; both together at one sample ${mb(measurement.treePeak)}`,
  );
  console.log(`  target: trainer peak ≤ ${mb(targetBytes)}: ${met ? 'met' : 'NOT met'}`);
}

async function lenet(): Promise<void> {
  const measurement = await train([
    path.join(ROOT, 'resources', 'templates', 'lenet-5.json'),
    '--data',
    'mnist',
    '--epochs',
    '3',
    '--batch-size',
    '32',
    '--validation',
    'none',
  ]);
  report('(a) LeNet-5, all 10,000 built-in MNIST digits, 3 epochs, batch 32', measurement);
}

async function vgg(work: string): Promise<void> {
  const perClass = Number(options['vgg-per-class']);
  if (!existsSync(options.photos)) {
    throw new Error(
      `The VGG part needs a folder of colour photographs (PNG or JPEG), one class per photograph: ${options.photos} does not exist. Give one with --photos (see BENCHMARKS.md for the one used), or leave this part out with --parts=lenet,stream.`,
    );
  }
  const folder = path.join(work, 'photo-patches');
  const photos = photoPatches(options.photos, folder, perClass);
  const spec = path.join(work, 'photo-patches.json');
  writeFileSync(
    spec,
    JSON.stringify({ source: 'images', path: folder, size: [32, 32], color: 'rgb' }),
  );
  const measurement = await train([
    path.join(ROOT, 'resources', 'templates', 'vgg-block.json'),
    '--data',
    spec,
    '--epochs',
    '2',
    '--batch-size',
    '32',
    '--validation',
    'none',
  ]);
  report(
    `(b) VGG blocks, ${photos.length * perClass} real 32 × 32 × 3 images (${perClass} patches from each of ${photos.length} photographs: ${photos.join(', ')}), 2 epochs, batch 32`,
    measurement,
  );
}

async function stream(where: 'disk' | 'memory'): Promise<void> {
  const files = Number(options['stream-files']);
  const folder = path.join(os.tmpdir(), `neurite-bench-fashion-${files}`);
  if (filesInFolder(folder) !== files) {
    rmSync(folder, { recursive: true, force: true });
    const start = performance.now();
    fashionFolder(options.fashion, folder, files);
    console.log(`\nwrote ${files} PNG files to ${folder} in ${seconds(performance.now() - start)}`);
  }
  // A fresh temporary folder, so the decoded copy is made (and timed) in this run.
  const temp = mkdtempSync(path.join(os.tmpdir(), 'neurite-bench-decoded-'));
  try {
    const measurement = await train(
      [
        path.join(ROOT, 'resources', 'templates', 'lenet-5.json'),
        '--data',
        folder,
        '--epochs',
        '1',
        '--batch-size',
        '32',
        '--validation',
        'none',
      ],
      {
        TMPDIR: temp,
        NEURITE_IMAGES_IN_MEMORY_MB: where === 'disk' ? '256' : '2048',
      },
    );
    report(
      `${where === 'disk' ? '(c)' : '(d)'} LeNet-5 on an image folder of ${files} PNG files (Fashion-MNIST), ${where === 'disk' ? 'read from disk' : 'every image held in memory'}, 1 epoch, batch 32`,
      measurement,
    );
    const started = measurement.events.find((event) => event.type === 'started')!;
    const epoch = measurement.events.find((event) => event.type === 'epoch')!;
    const notes = (started['dataset'] as { notes: string[] }).notes;
    console.log(
      `  ${notes.find((note) => note.includes('one batch at a time')) ?? 'NOT read from disk: every image was held in memory'}`,
    );
    const copy = path.join(temp, 'neurite-decoded-images');
    const copyBytes = existsSync(copy) ? folderBytes(copy) : 0;
    console.log(
      `  decoding ${files} files ${where === 'disk' ? `into the copy on disk (${mb(copyBytes)})` : 'into memory'}: ${seconds(started.at)}, trainer peak RSS so far ${mb(peakTrainerBetween(measurement, 0, started.at))}`,
    );
    const batches = measurement.events.filter(
      (event) => event.type === 'batch' && event['epoch'] === 1,
    );
    const perEpoch = Number(batches[0]?.['batchesPerEpoch'] ?? 0);
    const atFraction = (fraction: number) => {
      if (fraction === 0) return started.at;
      if (fraction === 1) return epoch.at;
      const wanted = fraction * perEpoch;
      return batches.find((event) => Number(event['batch']) >= wanted)?.at ?? epoch.at;
    };
    console.log('  trainer RSS over the epoch (by batches done):');
    for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
      console.log(
        `    ${String(fraction * 100).padStart(3)} %   ${seconds(atFraction(fraction))}   ${mb(trainerRssAt(measurement, atFraction(fraction)))}`,
      );
    }
    const during = trainerSamplesBetween(measurement, started.at, epoch.at);
    const highest = during.indexOf(Math.max(...during));
    console.log(
      `    over the epoch: ${during.length} samples, min ${mb(Math.min(...during))}, max ${mb(Math.max(...during))} (${Math.round((100 * highest) / Math.max(1, during.length - 1))} % into the epoch); time per epoch ${seconds(epoch.at - started.at)} (${((perEpoch * 32) / ((epoch.at - started.at) / 1000)).toFixed(0)} images/s)`,
    );
    // Flat: no growth with the batches read. Measured from a quarter in, after the start-up
    // of the first batches, since memory falls after decoding (which is not training's).
    const quarter = trainerRssAt(measurement, atFraction(0.25));
    const end = trainerRssAt(measurement, atFraction(1));
    const growth = (end - quarter) / quarter;
    console.log(
      `  target: from 25 % of the epoch to its end the trainer grows by at most 10 %: ${(growth * 100).toFixed(1)} %, ${growth <= 0.1 ? 'met' : 'NOT met'}`,
    );
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function folderBytes(folder: string): number {
  let sum = 0;
  for (const name of readdirSync(folder)) {
    sum += statSync(path.join(folder, name)).size;
  }
  return sum;
}

function trainerSamplesBetween(
  measurement: TrainingMeasurement,
  from: number,
  to: number,
): number[] {
  const trainerPids = new Set(
    measurement.run.peaks
      .filter((peak) => peak.command.includes('trainer'))
      .map((peak) => peak.pid),
  );
  const values: number[] = [];
  for (const sample of measurement.run.samples) {
    if (sample.at < from || sample.at > to) continue;
    let sum = 0;
    for (const [pid, bytes] of sample.rss) if (trainerPids.has(pid)) sum += bytes;
    if (sum > 0) values.push(sum);
  }
  return values;
}

function peakTrainerBetween(measurement: TrainingMeasurement, from: number, to: number): number {
  return Math.max(0, ...trainerSamplesBetween(measurement, from, to));
}

async function main(): Promise<void> {
  if (process.platform !== 'linux')
    throw new Error('This benchmark reads /proc: it runs on Linux.');
  if (!existsSync(cli)) throw new Error(`${cli} is not there: run npm run build first.`);
  console.log(
    `Memory of training — ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `CLI: ${cli} (built ${statSync(cli).mtime.toISOString()}); sampled every 100 ms from /proc`,
  );
  const work = mkdtempSync(path.join(os.tmpdir(), 'neurite-memory-bench-'));
  mkdirSync(work, { recursive: true });
  try {
    if (parts.includes('lenet')) await lenet();
    if (parts.includes('vgg')) await vgg(work);
    if (parts.includes('stream')) await stream('disk');
    if (parts.includes('held')) await stream('memory');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(
    `\nload at the end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
