import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  insideConfusion,
  insideExamples,
  insidePredict,
} from '../../../src/main/engine/inside/inside-calls';
import type { ModelRef } from '../../../src/shared/inside/inside-schemas';
import { trainingConfigSchema } from '../../../src/shared/training/config';

/**
 * Examples a student makes in the Inside view (an image file, a sentence) are read exactly as
 * the command line reads them, and a selection that needs classes says so for other models.
 */

function template(id: string): unknown {
  return JSON.parse(readFileSync(path.join('resources', 'templates', `${id}.json`), 'utf8'));
}

function ref(key: string, graph: unknown, data?: ModelRef['training']): ModelRef {
  return { key, graph, weightsDir: null, training: data ?? null };
}

/** A 56 × 56 gray PNG, white in its top-left quarter and black elsewhere. */
function quarterWhite(): Buffer {
  const image = new PNG({ width: 56, height: 56 });
  for (let y = 0; y < 56; y += 1) {
    for (let x = 0; x < 56; x += 1) {
      const gray = x < 28 && y < 28 ? 255 : 0;
      image.data.set([gray, gray, gray, 255], (y * 56 + x) * 4);
    }
  }
  return PNG.sync.write(image);
}

describe('examples made by hand', () => {
  it('an image file is scaled to the Input, 0 to 1, and the answer is the one for those values', async () => {
    const lenet = ref('lenet', template('lenet-5'));
    const bytes = quarterWhite();
    const answer = await insidePredict({
      model: lenet,
      example: { image: bytes.toString('base64'), fileName: 'quarter.png' },
    });
    const values = answer.values!;
    expect(values).toHaveLength(28 * 28);
    expect(values[0]).toBeCloseTo(1, 6);
    expect(values[5 * 28 + 5]).toBeCloseTo(1, 6);
    expect(values[27 * 28 + 27]).toBeCloseTo(0, 6);
    expect(values[20 * 28 + 3]).toBeCloseTo(0, 6);
    const again = await insidePredict({ model: lenet, example: { values } });
    expect(again.output).toEqual(answer.output);
    expect(answer.output).toHaveLength(10);
    expect(answer.output.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('a file that is not an image is refused by name, saying what to give', async () => {
    const lenet = ref('lenet', template('lenet-5'));
    await expect(
      insidePredict({
        model: lenet,
        example: { image: Buffer.from('not a picture').toString('base64'), fileName: 'notes.txt' },
      }),
    ).rejects.toThrow('"notes.txt" is not a PNG or JPEG image. Give a .png or .jpg file.');
  });

  it('a sentence is read as word ids of the run’s vocabulary, its unknown words named', async () => {
    const textCnn = ref('text-cnn', template('text-cnn'), {
      data: { source: 'builtin', name: 'reviews' },
      config: trainingConfigSchema.parse({ validation: { kind: 'split', fraction: 0.2 } }),
    });
    const answer = await insidePredict({
      model: textCnn,
      example: { text: 'Great phone, zorblaxqq battery!' },
    });
    expect(answer.words).toEqual(['great', 'phone', 'zorblaxqq', 'battery']);
    expect(answer.unknownWords).toEqual(['zorblaxqq']);
    expect(answer.values).toHaveLength(40);
    // Known words get ids from 2 (0 pads, 1 is the unknown word).
    const read = answer.values!.filter((id) => id !== 0);
    expect(read).toHaveLength(4);
    expect(read[2]).toBe(1);
    expect(read.filter((id) => id >= 2)).toHaveLength(3);
    expect(answer.predicted).toBeGreaterThanOrEqual(0);
  });

  it('mistakes and the confusion matrix are refused for a model that predicts values', async () => {
    const line = ref('line', template('linear-regression'), {
      data: { source: 'builtin', name: 'cars' },
      config: trainingConfigSchema.parse({}),
    });
    const refusal =
      'Mistakes, confidence and the confusion matrix belong to classification: this model predicts values, not classes. Look at all the examples instead.';
    await expect(
      insideExamples({ model: line, part: 'all', offset: 0, limit: 10, select: 'mistakes' }),
    ).rejects.toThrow(refusal);
    await expect(insideConfusion({ model: line, part: 'all' })).rejects.toThrow(refusal);
    const all = await insideExamples({
      model: line,
      part: 'all',
      offset: 0,
      limit: 10,
      select: 'all',
    });
    expect(all.examples).toHaveLength(10);
    expect(all.examples[0]!.target).toHaveLength(1);
  });
});
