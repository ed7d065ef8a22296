/**
 * Export speed: LeNet-5 (the template) written in every format. Target: under 1 s each.
 *
 *   in the kept process  what the app waits for once the serving process is up: the export
 *                        call itself (compile, load the weights, convert, encode) and writing
 *                        the files to a folder, after 2 warm-up exports
 *   neurite export       the whole command, a new process each time (starting Node and TF.js
 *                        included), for comparison
 *
 * Weights are LeNet-5's initial ones: speed does not depend on their values. The median and
 * the slowest of the timed runs are printed.
 *
 * Run: npm run bench:export [-- --backend=wasm --runs=10]   (build first for the CLI column)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectBackend } from '../src/main/engine/backends/select-backend';
import { EXPORTERS } from '../src/main/engine/export/exporters';
import { writeExportFolder } from '../src/main/engine/export/write-export';
import { EXPORT_FORMATS } from '../src/shared/export/formats';
import { parseGraphDocumentOrThrow } from '../src/shared/graph/parse';
import type { BackendChoice } from '../src/shared/training/backends';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = (name: string, fallback: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;

async function timeRuns(
  runs: number,
  work: () => Promise<void> | void,
): Promise<{ median: number; max: number }> {
  for (let i = 0; i < 2; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]! };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const backend = flag('backend', 'wasm') as BackendChoice;
  const runs = Number(flag('runs', '10'));
  const report = await selectBackend(backend);
  console.log(
    `Backend ${report.active} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; LeNet-5, ${runs} timed runs each.`,
  );
  const networkFile = path.join(root, 'resources/templates/lenet-5.json');
  const document = parseGraphDocumentOrThrow(JSON.parse(readFileSync(networkFile, 'utf8')));
  const temp = mkdtempSync(path.join(os.tmpdir(), 'neurite-export-bench-'));
  const cli = path.join(root, 'bin', 'neurite.js');
  console.log('| Format | In the kept process (median / max) | neurite export (median / max) |');
  console.log('| ------ | ---------------------------------: | ----------------------------: |');
  try {
    for (const format of EXPORT_FORMATS) {
      const out = path.join(temp, format);
      const kept = await timeRuns(runs, async () => {
        writeExportFolder(out, await EXPORTERS[format].write({ document, weights: undefined }));
      });
      const command = await timeRuns(Math.min(runs, 5), () => {
        execFileSync(process.execPath, [
          cli,
          'export',
          networkFile,
          '--format',
          format,
          '--out',
          out,
        ]);
      });
      console.log(
        `| ${format} | ${ms(kept.median)} / ${ms(kept.max)} | ${ms(command.median)} / ${ms(command.max)} |`,
      );
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

void main();
