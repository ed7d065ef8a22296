import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { Prediction } from '../../../src/shared/inside/inside-schemas';
import {
  apiServices,
  callService as call,
  refusalOf,
  trainedXorRun,
  waitForTrainingEvent,
} from '../../fixtures/api-service';
import { runOnnx } from '../../fixtures/export/onnx-runtimes';
import { tempFolder } from '../data/temp-folder';

/**
 * Exporting a run from the app: runs.exportModel gives a zip whose files plain TensorFlow.js
 * loads in another process, or an ONNX file ONNX Runtime runs, answering as the run does.
 */

const open = apiServices();
const temp = tempFolder('export-api');
afterAll(() => temp.remove());
const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('exporting a run', () => {
  it('gives a TensorFlow.js zip that loads elsewhere and answers as the run does', async () => {
    const { service, runId } = await trainedXorRun(open(), 'XOR, exported');

    const file = await call<{ fileName: string; base64: string }>(service, 'runs.exportModel', {
      runId,
      format: 'tfjs',
    });
    expect(file.fileName).toBe('XOR-exported-tensorflowjs.zip');
    const files = unzipSync(Buffer.from(file.base64, 'base64'));
    expect(Object.keys(files).sort()).toEqual(['model.json', 'weights.bin']);
    const folder = temp.path('unzipped');
    for (const [name, bytes] of Object.entries(files)) temp.write(`unzipped/${name}`, bytes);
    const rows = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'tests/fixtures/export/load-tfjs.mjs'), folder, JSON.stringify(rows)],
      { cwd: root },
    );
    const loaded = (JSON.parse(stdout.trim().split('\n').at(-1)!) as { outputs: number[][] })
      .outputs;
    for (const [i, row] of rows.entries()) {
      const answer = await call<Prediction>(service, 'runs.predict', {
        runId,
        example: { values: row },
      });
      expect(loaded[i]![0]).toBeCloseTo(answer.output[0]!, 5);
    }

    // The same run gives the same zip, byte for byte.
    const again = await call<{ base64: string }>(service, 'runs.exportModel', {
      runId,
      format: 'tfjs',
    });
    expect(again.base64).toBe(file.base64);
  }, 90_000);

  it('gives an ONNX model as one file that ONNX Runtime runs, answering as the run does', async () => {
    const { service, runId } = await trainedXorRun(open(), 'XOR, exported');
    const file = await call<{ fileName: string; base64: string }>(service, 'runs.exportModel', {
      runId,
      format: 'onnx',
    });
    expect(file.fileName).toBe('XOR-exported.onnx');
    const model = temp.write('xor.onnx', Buffer.from(file.base64, 'base64'));
    const rows = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const [answer] = await runOnnx([{ model, inputs: [rows] }], temp.path('jobs.json'));
    const outputs = (answer as { outputs: number[][][] }).outputs[0]!;
    for (const [i, row] of rows.entries()) {
      const prediction = await call<Prediction>(service, 'runs.predict', {
        runId,
        example: { values: row },
      });
      expect(Math.abs(outputs[i]![0]! - prediction.output[0]!)).toBeLessThan(1e-6);
    }
  }, 90_000);

  it('refuses a run still training, and says when it can be exported', async () => {
    const test = open();
    const project = await call<{ id: string }>(test.service, 'projects.create', {
      name: 'Still training',
      template: 'xor-mlp',
    });
    const running = await call<{ runId: string }>(test.service, 'training.start', {
      projectId: project.id,
      data: { source: 'builtin', name: 'xor' },
      config: { epochs: 100_000, batchSize: 4, validation: { kind: 'none' } },
      backend: 'auto',
    });
    expect(
      await refusalOf(test.service, 'runs.exportModel', { ...running, format: 'onnx' }),
    ).toEqual({
      code: 'unsupported',
      message: 'This run is still training; export it when it has finished.',
    });
    await call(test.service, 'training.command', { ...running, command: { type: 'stop' } });
    await waitForTrainingEvent(test.events, 'stopped');
  }, 60_000);
});
