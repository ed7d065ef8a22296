import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNeurite } from '../../fixtures/cli';
import { XOR_ROWS, trainXorModel } from '../../fixtures/export/trained-xor';
import { readFolderWeights, weightValues } from '../../fixtures/saved-weights';
import { tempFolder } from '../data/temp-folder';

/**
 * Headless, as in the app: neurite import reads an exported TF.js model as a saved model
 * folder that the other commands read, and neurite train --start-from trains on from it.
 */

const temp = tempFolder('cli-import');
afterAll(() => temp.remove());

let exported: string;
beforeAll(async () => {
  const trained = temp.path('xor-run');
  await trainXorModel(trained);
  exported = temp.path('xor-tfjs');
  const run = await runNeurite('export', trained, '--format', 'tfjs', '--out', exported);
  expect(run.code, run.stderr).toBe(0);
}, 120_000);

async function predictions(model: string): Promise<number[][]> {
  const outputs: number[][] = [];
  for (const row of XOR_ROWS) {
    const run = await runNeurite('predict', model, '--input', row.join(','), '--json');
    expect(run.code, run.stderr).toBe(0);
    outputs.push((JSON.parse(run.stdout) as { outputs: number[][] }).outputs[0]!);
  }
  return outputs;
}

describe('neurite import', () => {
  it('writes a saved model folder that answers as the exported model does', async () => {
    const out = temp.path('imported');
    const run = await runNeurite(
      'import',
      `${exported}/model.json`,
      `${exported}/weights.bin`,
      '--out',
      out,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      `Imported "XOR with a small MLP" (4 layers, 2 with their weights) into ${out}: network.json, model.json, weights.bin.\nTrain on from its weights with: neurite train ${out}/network.json --data <data> --start-from ${out}\n`,
    );
    expect(readdirSync(out).sort()).toEqual(['model.json', 'network.json', 'weights.bin']);
    expect(await predictions(out)).toEqual(await predictions(temp.path('xor-run')));
  });

  it('trains on from the imported weights, keeping a frozen layer as it was', async () => {
    const out = temp.path('imported-2');
    expect(
      (
        await runNeurite(
          'import',
          `${exported}/model.json`,
          `${exported}/weights.bin`,
          '--out',
          out,
        )
      ).code,
    ).toBe(0);
    const network = JSON.parse(
      await import('node:fs').then((fs) => fs.readFileSync(`${out}/network.json`, 'utf8')),
    );
    network.nodes.find((n: { id: string }) => n.id === 'hidden').trainable = false;
    const file = temp.write('frozen.json', JSON.stringify(network));
    const run = await runNeurite(
      'train',
      file,
      '--data',
      'xor',
      '--validation',
      'none',
      '--epochs',
      '3',
      '--start-from',
      out,
      '--out',
      temp.path('fine-tuned'),
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    const started = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; notes?: string[]; parameters?: object })
      .find((event) => event.type === 'started')!;
    expect(started.parameters).toEqual({ trainable: 5, nonTrainable: 12 });
    expect(started.notes).toContain(
      'Training starts from the weights this project was imported with, in every layer (Dense "Hidden layer" and Dense "Prediction").',
    );
    const before = weightValues(readFolderWeights(out));
    const after = weightValues(readFolderWeights(temp.path('fine-tuned')));
    expect(after.get('hidden/kernel')).toEqual(before.get('hidden/kernel'));
    expect(after.get('prediction/kernel')).not.toEqual(before.get('prediction/kernel'));
  }, 120_000);

  it('says what is wrong, and writes nothing', async () => {
    const missing = await runNeurite('import', `${exported}/model.json`, '--out', temp.path('x'));
    expect(missing).toMatchObject({
      code: 2,
      stderr:
        'model.json keeps its weights in "weights.bin", which is not among the files. Pick the model.json together with its weights file(s) (weights.bin, or group1-shard…bin), or the zip that Neurite’s TensorFlow.js export gives.\n',
    });
    const noOut = await runNeurite('import', `${exported}/model.json`);
    expect(noOut.stderr).toMatch(/^Give the folder to write the imported model into with --out\./);
    const noStart = await runNeurite(
      'train',
      `${exported}/model.json`,
      '--data',
      'xor',
      '--start-from',
      temp.path('nowhere'),
    );
    expect(noStart.stderr).toBe(
      `--start-from needs a saved model folder (what neurite train --out or neurite import writes), but "${temp.path('nowhere')}" has no model.json and no weights.bin.\n`,
    );
    expect(existsSync(temp.path('x'))).toBe(false);
  });
});
