import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type * as TfModule from '@tensorflow/tfjs';
import type { Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { checkOnnx, runOnnx } from '../fixtures/export/onnx-runtimes';
import { XOR_ROWS } from '../fixtures/export/trained-xor';
import { tempFolder } from '../integration/data/temp-folder';
import { describe, expect, test } from './harness/fixtures';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

const temp = tempFolder('e2e-export');
afterAll(() => temp.remove());
const tfjsBundle = fileURLToPath(
  new URL('../../node_modules/@tensorflow/tfjs/dist/tf.min.js', import.meta.url),
);

/** Chooses a format under the run's results, exports, and returns the downloaded file. */
async function exportAs(training: TrainingPage, format: string, saveAs: string): Promise<string> {
  await training.panel
    .getByRole('combobox', { name: 'Export the trained model as' })
    .selectOption({ label: format });
  const download = training.page.waitForEvent('download');
  await training.panel.getByRole('button', { name: 'Export…', exact: true }).click();
  const file = temp.path(saveAs);
  await (await download).saveAs(file);
  await expect
    .poll(() => training.panel.locator('.export-model [role=status]').textContent())
    .toMatch(/^Downloaded /);
  return file;
}

/** What a web page computes with the TF.js files: plain TF.js from its own bundle, no Neurite. */
async function predictInChromium(
  page: Page,
  files: Record<string, Uint8Array>,
  rows: readonly number[][],
): Promise<number[][]> {
  await page.goto('about:blank');
  await page.addScriptTag({ path: tfjsBundle });
  const modelJson = JSON.parse(Buffer.from(files['model.json']!).toString('utf8')) as unknown;
  return page.evaluate(
    async ({ modelJson, weights, rows }) => {
      const tf = (globalThis as unknown as { tf: typeof TfModule }).tf;
      const json = modelJson as {
        modelTopology: object;
        weightsManifest: { weights: TfModule.io.WeightsManifestEntry[] }[];
      };
      const model = await tf.loadLayersModel(
        tf.io.fromMemory({
          modelTopology: json.modelTopology,
          weightSpecs: json.weightsManifest[0]!.weights,
          weightData: new Uint8Array(weights).buffer,
        }),
      );
      const output = model.predict(tf.tensor2d(rows)) as TfModule.Tensor;
      return (await output.array()) as number[][];
    },
    { modelJson, weights: Array.from(files['weights.bin']!), rows: rows.map((row) => [...row]) },
  );
}

describe('exporting a trained model from the results', () => {
  test('a trained XOR downloads as ONNX that ONNX Runtime runs, and as TF.js that a web page runs', async ({
    server,
    page,
    context,
    pageErrors,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'XOR lab',
      template: 'XOR',
    });
    const training = await TrainingPage.open(workspace);
    await training.start();
    await training.waitForStatus(/^Finished/);

    const onnx = await exportAs(training, 'ONNX', 'download.onnx');
    expect(await training.panel.locator('.export-model [role=status]').textContent()).toBe(
      'Downloaded XOR-lab.onnx.',
    );
    const checks = await checkOnnx([onnx]);
    expect(checks[onnx]).toMatchObject({ ok: true, opset: 13 });
    const [answer] = await runOnnx([{ model: onnx, inputs: [XOR_ROWS] }], temp.path('jobs.json'));
    const fromOnnx = (answer as { outputs: number[][][] }).outputs[0]!;
    // The run reached 100%: the exported model gets the XOR table right.
    expect(fromOnnx.slice(0, 4).map(([p]) => (p! >= 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);

    const zip = await exportAs(training, 'TensorFlow.js', 'download.zip');
    const files = unzipSync(readFileSync(zip));
    expect(Object.keys(files).sort()).toEqual(['model.json', 'weights.bin']);
    const webPage = await context.newPage();
    const fromTfjs = await predictInChromium(webPage, files, XOR_ROWS);
    fromTfjs.forEach((row, i) => expect(Math.abs(row[0]! - fromOnnx[i]![0]!)).toBeLessThan(1e-5));

    expect(pageErrors).toEqual([]);
  });
});
