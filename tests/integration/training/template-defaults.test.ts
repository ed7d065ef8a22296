import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Loss, Task } from '../../../src/shared/catalog/losses';
import { nodeDisplayName } from '../../../src/shared/graph/document';
import { parseGraphDocument } from '../../../src/shared/graph/parse';
import { analyzeGraph } from '../../../src/shared/inference/analyze';
import { trainingConfigSchema } from '../../../src/shared/training/config';
import { templateDefaults } from '../../../src/shared/training/template-defaults';
import { loadDataset } from '../../../src/main/data/load-dataset';
import { planTargets } from '../../../src/main/data/target-plan';
import { finished, template, trainInProcess } from '../../fixtures/training';

const templateNames = readdirSync(path.resolve(__dirname, '../../../resources/templates'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length));

/** The message planTargets gives for the template and data set, or 'fits'. */
async function fitOf(name: string): Promise<string> {
  const defaults = templateDefaults(name)!;
  const parsed = parseGraphDocument(template(name));
  if (!parsed.ok) throw new Error(`template ${name} does not parse`);
  const analysis = analyzeGraph(parsed.document);
  const input = parsed.document.nodes.find((n) => n.kind === 'Input')!;
  const output = parsed.document.nodes.find((n) => n.kind === 'Output')!;
  const dataset = await loadDataset(defaults.data!);
  const planned = planTargets(
    dataset.info,
    { name: nodeDisplayName(input), info: analysis.nodes.get(input.id)!.output! },
    {
      name: nodeDisplayName(output),
      task: output.params['task'] as Task,
      loss: output.params['loss'] as Loss,
      shape: analysis.nodes.get(output.id)!.output!.shape,
    },
  );
  return planned.ok ? 'fits' : planned.message;
}

describe('per-template training defaults', () => {
  it('exist for all 25 templates and are valid training settings', () => {
    expect(templateNames).toHaveLength(25);
    for (const name of templateNames) {
      const defaults = templateDefaults(name);
      expect(defaults, name).toBeDefined();
      expect(trainingConfigSchema.safeParse(defaults!.training).success, name).toBe(true);
      // Without a built-in data set, the student is told what to import instead.
      if (!defaults!.data) expect(defaults!.dataHint, name).toMatch(/Import/);
    }
  });

  it('give no defaults for a name that is not a template', () => {
    expect(templateDefaults('constructor')).toBeUndefined();
    expect(templateDefaults('no-such-template')).toBeUndefined();
  });

  it.each(templateNames.filter((name) => templateDefaults(name)?.data))(
    "%s: the default data set fits the network's Input and Output",
    async (name) => {
      expect(await fitOf(name)).toBe('fits');
    },
  );

  it('cover the classic first labs with a built-in data set', () => {
    expect(templateDefaults('xor-mlp')!.data).toMatchObject({ name: 'xor' });
    expect(templateDefaults('softmax-regression')!.data).toMatchObject({ name: 'iris' });
    expect(templateDefaults('lenet-5')!.data).toMatchObject({ name: 'mnist' });
    expect(templateDefaults('lstm-sequence')!.data).toMatchObject({ name: 'sine' });
  });

  it('train the XOR MLP to 100% accuracy as they are, as its description says', async () => {
    expect(template('xor-mlp')['metadata']).toMatchObject({
      description: expect.stringContaining('gets all four rows right within 300 epochs'),
    });
    const defaults = templateDefaults('xor-mlp')!;
    const run = await trainInProcess(template('xor-mlp'), defaults.data!, defaults.training);
    expect(finished(run).train.metrics['accuracy']).toBe(1);
  });

  it('train softmax regression on Iris to at least 90% on held-out flowers, as its description says', async () => {
    expect(template('softmax-regression')['metadata']).toMatchObject({
      description: expect.stringContaining('validation accuracy 90% or more'),
    });
    const defaults = templateDefaults('softmax-regression')!;
    const run = await trainInProcess(
      template('softmax-regression'),
      defaults.data!,
      defaults.training,
    );
    expect(finished(run).validation?.metrics['accuracy']).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the linear unit on real cars', () => {
  it('predicts miles per gallon from horsepower within 4.5 mpg on held-out cars, as its description says', async () => {
    expect(template('linear-regression')['metadata']).toMatchObject({
      description: expect.stringContaining('to within about 4.5 mpg on cars it has not seen'),
    });
    const defaults = templateDefaults('linear-regression')!;
    expect(defaults.data).toMatchObject({ name: 'cars' });
    const run = await trainInProcess(
      template('linear-regression'),
      defaults.data!,
      defaults.training,
    );
    const validation = finished(run).validation!;
    expect(validation.metrics['mae']).toBeLessThan(4.5);
    // Better than always guessing the training mean (about 6.5 mpg off on average).
    expect(validation.metrics['mae']).toBeLessThan(6);
  });
});

describe('the encoder–decoder on sequences', () => {
  it('learns to reverse 10 digits: below a tenth of the error of guessing 0.5, as its description says', async () => {
    expect(template('seq2seq-encoder-decoder')['metadata']).toMatchObject({
      description: expect.stringContaining('falling below a tenth of guessing 0.5 at every step'),
    });
    const defaults = templateDefaults('seq2seq-encoder-decoder')!;
    expect(defaults.data).toMatchObject({ name: 'reverse' });
    const run = await trainInProcess(
      template('seq2seq-encoder-decoder'),
      defaults.data!,
      defaults.training,
    );
    const result = finished(run);
    // Digits k/9, k = 0…9, guessed as 0.5: mean of (k/9 − 0.5)² = 0.1019.
    const guessing =
      Array.from({ length: 10 }, (_, k) => (k / 9 - 0.5) ** 2).reduce((a, b) => a + b) / 10;
    expect(result.validation!.metrics['mse']).toBeLessThan(guessing / 10);
  });
});

describe('the text classifiers on real reviews', () => {
  it.each(['text-cnn', 'text-lstm', 'text-gru', 'text-bilstm'])(
    '%s: about 80% of held-out review sentences right after 5 epochs, as its description says',
    async (name) => {
      const defaults = templateDefaults(name)!;
      expect(defaults.data).toMatchObject({ name: 'reviews' });
      expect(defaults.training.epochs).toBe(5);
      expect(template(name)['metadata']).toMatchObject({
        description: expect.stringMatching(
          /about 80% validation accuracy|validation accuracy about 80%/,
        ),
      });
      const run = await trainInProcess(template(name), defaults.data!, defaults.training);
      // Half the sentences are positive: guessing one class is right on 50%.
      expect(finished(run).validation!.metrics['accuracy']).toBeGreaterThanOrEqual(0.75);
    },
    120_000,
  );
});

/** The mean squared error of always drawing the average digit: what an autoencoder must beat. */
async function averageDigitError(limit: number): Promise<number> {
  const digits = await loadDataset({ source: 'builtin', name: 'mnist', limit });
  const { count, x } = digits.examples;
  const size = x.length / count;
  const mean = new Float64Array(size);
  for (let i = 0; i < x.length; i += 1) mean[i % size]! += x[i]! / count;
  let squares = 0;
  for (let i = 0; i < x.length; i += 1) squares += (x[i]! - mean[i % size]!) ** 2;
  return squares / x.length;
}

type Result = ReturnType<typeof finished>;

/** Each template's stated result: the words in its description, and the check on its run. */
const STATED_RESULTS: Record<
  string,
  { says: RegExp; holds: (result: Result) => Promise<void> | void }
> = {
  perceptron: {
    says: /on the built-in AND gate it gets all four rows right within 30 epochs/,
    holds: (result) => expect(result.train.metrics['accuracy']).toBe(1),
  },
  'dense-3-5-2': {
    says: /on the built-in penguins it tells a female from a male .* \(validation accuracy about 85%\)/,
    // Half the penguins are male: guessing one sex is right on about 50%.
    holds: (result) => expect(result.validation!.metrics['accuracy']).toBeGreaterThanOrEqual(0.8),
  },
  'logistic-regression': {
    says: /validation accuracy about 90%/,
    holds: (result) => expect(result.validation!.metrics['accuracy']).toBeGreaterThanOrEqual(0.85),
  },
  ...Object.fromEntries(
    ['simple-rnn-sequence', 'lstm-sequence', 'gru-sequence'].map((name) => [
      name,
      {
        says: /within about 0\.07 on average \(mean absolute error\) after 10 epochs/,
        // The wave spans 2; guessing 0 every time is off by about 0.64 on average.
        holds: (result: Result) => expect(result.validation!.metrics['mae']).toBeLessThan(0.1),
      },
    ]),
  ),
  'deep-autoencoder': {
    says: /less than half that of always drawing the average digit/,
    holds: async (result) =>
      expect(result.validation!.metrics['mse']).toBeLessThan((await averageDigitError(2000)) / 2),
  },
  'denoising-autoencoder': {
    says: /less than a third of that of always drawing the average digit/,
    holds: async (result) =>
      expect(result.validation!.metrics['mse']).toBeLessThan((await averageDigitError(2000)) / 3),
  },
  'conv-autoencoder': {
    says: /less than a fifth of that of always drawing the average digit/,
    holds: async (result) =>
      expect(result.validation!.metrics['mse']).toBeLessThan((await averageDigitError(2000)) / 5),
  },
  'mnist-deep-mlp': {
    says: /about 95% of held-out digits after 5 epochs/,
    holds: (result) => expect(result.validation!.metrics['accuracy']).toBeGreaterThanOrEqual(0.93),
  },
  'mnist-small-cnn': {
    says: /about 97% of held-out MNIST digits after 5 epochs/,
    holds: (result) => expect(result.validation!.metrics['accuracy']).toBeGreaterThanOrEqual(0.95),
  },
  'lenet-5': {
    says: /about 95% of held-out MNIST digits after 5 epochs/,
    holds: (result) => expect(result.validation!.metrics['accuracy']).toBeGreaterThanOrEqual(0.93),
  },
};

/** Checked in the describe blocks above, each with its own reasoning. */
const CHECKED_ABOVE = [
  'xor-mlp',
  'softmax-regression',
  'linear-regression',
  'seq2seq-encoder-decoder',
  'text-cnn',
  'text-lstm',
  'text-gru',
  'text-bilstm',
];

describe('every template with a built-in data set', () => {
  it('has its stated result checked by a test', () => {
    const withData = templateNames.filter((name) => templateDefaults(name)?.data).sort();
    expect([...CHECKED_ABOVE, ...Object.keys(STATED_RESULTS)].sort()).toEqual(withData);
  });

  it.each(Object.keys(STATED_RESULTS))(
    '%s reaches the result its description states, with its default settings',
    async (name) => {
      const { says, holds } = STATED_RESULTS[name]!;
      const metadata = template(name)['metadata'] as { description: string };
      expect(metadata.description).toMatch(says);
      const defaults = templateDefaults(name)!;
      const run = await trainInProcess(template(name), defaults.data!, defaults.training);
      await holds(finished(run));
    },
    120_000,
  );
});
