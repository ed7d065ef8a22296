import { describe, expect, it } from 'vitest';
import { LiveBudget } from '../../../src/main/engine/training/live-inside';

/** After which epochs the live maps are recomputed, for epochs of `epochMs` and looks of `lookMs`. */
function looks(epochs: number, epochMs: number, lookMs: number): number[] {
  const budget = new LiveBudget(0.05);
  const looked: number[] = [];
  for (let epoch = 1; epoch <= epochs; epoch += 1) {
    budget.trained(epochMs);
    if (budget.due(epoch === epochs)) {
      looked.push(epoch);
      budget.spent(lookMs);
    }
  }
  return looked;
}

describe('the live maps’ time budget', () => {
  it('redoes them after every epoch when a look costs under 5% of an epoch', () => {
    expect(looks(10, 1000, 20)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('thins them out when epochs are short, keeping their time within 5% of training', () => {
    const looked = looks(100, 10, 5);
    expect(looked[0]).toBe(1);
    expect(looked.at(-1)).toBe(100);
    // The first look is not counted (it starts the kernels); the others: 5 ms each within 5%
    // of 1,000 ms is 10, plus the one after the last epoch.
    expect(looked.length - 1).toBeLessThanOrEqual(11);
    expect(looked.length - 1).toBeGreaterThanOrEqual(9);
    // Spread over the run, not bunched at its start.
    expect(looked.filter((epoch) => epoch > 50).length).toBeGreaterThanOrEqual(4);
  });

  it('always looks after the first and the last epoch, even when a look is slow', () => {
    expect(looks(5, 1, 1000)).toEqual([1, 5]);
  });
});
