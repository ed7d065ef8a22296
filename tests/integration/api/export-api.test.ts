import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { Prediction } from '../../../src/shared/inside/inside-schemas';
import { apiServices, callService as call, trainedXorRun } from '../../fixtures/api-service';
import { tempFolder } from '../data/temp-folder';

/**
 * Exporting a run from the app: runs.exportModel gives a zip whose files plain TensorFlow.js
 * loads in another process, answering as the run does.
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
});
