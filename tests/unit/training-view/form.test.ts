import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_CONFIG } from '../../../src/shared/api/project-settings';
import {
  TEMPLATES_WITH_DEFAULTS,
  templateDefaults,
} from '../../../src/shared/training/template-defaults';
import { draftFromConfig } from '../../../src/renderer/src/training/model/form-fields';
import {
  checkForm,
  learningRateProblem,
  readNumber,
} from '../../../src/renderer/src/training/model/validate-form';

const defaults = draftFromConfig(DEFAULT_TRAINING_CONFIG);
const withFields = (fields: Record<string, string | boolean>) =>
  checkForm({ ...defaults, ...fields });

describe('the training form', () => {
  it('reads back exactly the settings it was filled with, for the defaults and every template', () => {
    expect(checkForm(defaults)).toEqual({ config: DEFAULT_TRAINING_CONFIG, errors: {} });
    for (const name of TEMPLATES_WITH_DEFAULTS) {
      const training = templateDefaults(name)!.training;
      expect(checkForm(draftFromConfig(training)).config, name).toEqual(training);
    }
  });

  it('keeps full-batch training as "full"', () => {
    const full = { ...DEFAULT_TRAINING_CONFIG, batchSize: 'full' as const };
    expect(checkForm(draftFromConfig(full)).config?.batchSize).toBe('full');
    expect(withFields({ batchFull: true, batchSize: 'not used' }).config?.batchSize).toBe('full');
  });

  it('explains at the field a value that is missing, not a number, or out of range', () => {
    expect(withFields({ epochs: '' }).errors).toEqual({ epochs: 'Enter a value for Epochs.' });
    // Each field asks for what it takes, with its own usual value as the example.
    expect(withFields({ epochs: 'ten' }).errors['epochs']).toBe(
      'Epochs must be a whole number, such as 20 (not “ten”).',
    );
    expect(withFields({ 'optimizer.beta1': 'high' }).errors['optimizer.beta1']).toBe(
      '“high” is not a number. Enter one such as 0.9.',
    );
    expect(withFields({ epochs: '2.5' }).errors['epochs']).toBe('Epochs must be a whole number.');
    expect(withFields({ batchSize: '0' }).errors['batchSize']).toBe(
      'Batch size must be at least 1.',
    );
    expect(withFields({ 'optimizer.learningRate': '0' }).errors['optimizer.learningRate']).toBe(
      'Learning rate must be greater than 0.',
    );
    expect(withFields({ 'optimizer.beta1': '1' }).errors['optimizer.beta1']).toBe(
      'Beta 1 (β₁) must be less than 1.',
    );
    expect(withFields({ 'validation.fraction': '0.95' }).errors['validation.fraction']).toBe(
      'Validation fraction must be at most 0.9.',
    );
  });

  it('gives no settings to train with while any field is wrong', () => {
    const check = withFields({ epochs: '0', 'optimizer.learningRate': 'fast' });
    expect(check.config).toBeUndefined();
    expect(Object.keys(check.errors).sort()).toEqual(['epochs', 'optimizer.learningRate']);
  });

  it('checks only the fields of the chosen optimizer, schedule and clipping', () => {
    const sgd = withFields({ 'optimizer.type': 'sgd', 'optimizer.beta1': 'garbage' });
    expect(sgd.errors).toEqual({});
    expect(sgd.config?.optimizer).toEqual({
      type: 'sgd',
      learningRate: 0.001,
      momentum: 0,
      momentumForm: 'average',
    });
    const step = withFields({ 'schedule.type': 'step', 'schedule.every': '0' });
    expect(step.errors['schedule.every']).toBe('Every (epochs) must be at least 1.');
    expect(withFields({ 'clipping.type': 'norm' }).config?.clipping).toEqual({
      type: 'norm',
      maxNorm: 1,
    });
  });

  it('accepts a decimal comma as students in many countries type it', () => {
    expect(readNumber('0,05')).toBe(0.05);
    expect(readNumber(' 1e-3 ')).toBe(0.001);
    expect(readNumber('1.2.3')).toBeUndefined();
    expect(withFields({ 'optimizer.learningRate': '0,05' }).config?.optimizer.learningRate).toBe(
      0.05,
    );
  });

  it('explains settings that cannot go together', () => {
    expect(withFields({ kFold: '1' }).errors['kFold']).toMatch(/at least 2 folds/);
    const early = withFields({
      'validation.kind': 'none',
      'earlyStopping.enabled': true,
      'earlyStopping.monitor': 'val_loss',
    });
    expect(early.errors['earlyStopping.monitor']).toMatch(/no validation data is held out/);
    expect(
      withFields({
        'validation.kind': 'none',
        'earlyStopping.enabled': true,
        'earlyStopping.monitor': 'loss',
      }).errors,
    ).toEqual({});
    expect(
      withFields({ 'test.kind': 'split', 'test.fraction': '0.8', 'validation.fraction': '0.2' })
        .errors['test.fraction'],
    ).toMatch(/100% of the examples/);
  });

  it('validates a learning rate typed while training', () => {
    expect(learningRateProblem('0.01')).toBeUndefined();
    expect(learningRateProblem('')).toMatch(/Enter a learning rate/);
    expect(learningRateProblem('-1')).toBe('The learning rate must be greater than 0.');
    expect(learningRateProblem('11')).toBe('The learning rate must be at most 10.');
    expect(learningRateProblem('x')).toMatch(/not a number/);
  });
});
