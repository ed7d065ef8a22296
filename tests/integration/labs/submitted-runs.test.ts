import { describe, expect, it } from 'vitest';
import { gradingConfig, gradingData } from '../../../src/main/labs/submitted-runs';
import type { Run } from '../../../src/shared/api/records';
import { datasetSpecSchema } from '../../../src/shared/data/dataset-spec';
import { parseLab } from '../../../src/shared/labs/parse-lab';
import { trainingConfigSchema } from '../../../src/shared/training/config';
import { PERCEPTRON_LAB } from '../../fixtures/labs/lab-submissions';

/**
 * What a submitted run is checked on: Neurite's own data, never the file's, and the split the
 * lab locks, never one the file picks.
 */

/** The perceptron lab, with `locked` as given. */
function labLocking(locked: string) {
  const parsed = parseLab(
    PERCEPTRON_LAB.text.replace('locked: [batchSize, optimizer, learningRate]', locked),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.lab;
}

const runOn = (data: Run['data']) => ({ data }) as Run;

describe('the data and split a submitted run is checked on', () => {
  it("is the lab's data set, or another built-in set by name, never a file of the student's", () => {
    const lab = labLocking('locked: []');
    expect(gradingData(lab, runOn({ source: 'builtin', name: 'and' }))).toBe(lab.data);
    expect(gradingData(lab, runOn({ source: 'builtin', name: 'or' }))).toEqual({
      source: 'builtin',
      name: 'or',
    });
    const csv = datasetSpecSchema.parse({ source: 'csv', path: '/home/eve/easy.csv' });
    expect(gradingData(lab, runOn(csv))).toBe(lab.data);
  });

  it("takes the lab's seed and parts where it locks them, and the run's own otherwise", () => {
    const edited = trainingConfigSchema.parse({
      seed: 7,
      test: { kind: 'split', fraction: 0.5 },
      validation: { kind: 'split', fraction: 0.25 },
      epochs: 3,
    });
    expect(gradingConfig(labLocking('locked: [batchSize, learningRate]'), edited)).toEqual(edited);
    const config = gradingConfig(labLocking('locked: [batchSize, seed, test]'), edited);
    expect(config.seed).not.toBe(7);
    expect(config.test).toEqual({ kind: 'none' });
    expect(config.validation).toEqual(edited.validation);
    expect(config.epochs).toBe(3);
  });
});
