import { describe, expect, it } from 'vitest';
import { linearScale, niceTicks, tickText } from '../../../src/renderer/src/data/model/axis-ticks';
import {
  countText,
  describeFeatures,
  describeLabels,
  percentText,
} from '../../../src/renderer/src/data/model/describe-data';

describe('niceTicks', () => {
  it('puts round numbers across the range', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-1.3, 1.2)).toEqual([-1.5, -1, -0.5, 0, 0.5, 1, 1.5]);
    expect(niceTicks(0, 950)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('widens a range of one value', () => {
    expect(niceTicks(3, 3).length).toBeGreaterThan(1);
  });

  it('shows ticks without float noise', () => {
    expect(tickText(0.1 + 0.2)).toBe('0.3');
  });
});

describe('linearScale', () => {
  it('maps the domain onto the range, upside down for screen y', () => {
    const y = linearScale([0, 10], [300, 0]);
    expect(y(0)).toBe(300);
    expect(y(5)).toBe(150);
    expect(y(10)).toBe(0);
  });
});

describe('describing a data set', () => {
  it('says what one example is', () => {
    expect(describeFeatures({ featureShape: [4], featureType: 'float32' })).toBe('4 numbers');
    expect(describeFeatures({ featureShape: [28, 28, 1], featureType: 'float32' })).toBe(
      '28 × 28 gray images',
    );
    expect(describeFeatures({ featureShape: [32, 32, 3], featureType: 'float32' })).toBe(
      '32 × 32 colour images',
    );
    expect(describeFeatures({ featureShape: [20, 1], featureType: 'float32' })).toBe(
      'sequences of 20 steps, 1 value per step',
    );
    expect(describeFeatures({ featureShape: [100], featureType: 'int32' })).toBe(
      'texts of 100 word ids',
    );
  });

  it('says what is predicted', () => {
    expect(
      describeLabels({ task: 'classification', classNames: ['a', 'b', 'c'], targetSize: 1 }),
    ).toBe('one of 3 classes');
    expect(describeLabels({ task: 'regression', targetSize: 1, targetNames: ['price'] })).toBe(
      '1 number (price)',
    );
  });

  it('counts and shares', () => {
    expect(countText(10000)).toBe('10,000 examples');
    expect(countText(1)).toBe('1 example');
    expect(percentText(50, 150)).toBe('33%');
    expect(percentText(1, 200)).toBe('0.5%');
    expect(percentText(0, 0)).toBe('0%');
  });
});
