import { describe, expect, it } from 'vitest';
import { DrawPacer } from '../../../src/renderer/src/training/model/draw-pacer';

describe('the pace of the live charts', () => {
  it('draws at once the first time, then at most every 150 ms while draws are quick', () => {
    const pacer = new DrawPacer();
    expect(pacer.waitFrom(0)).toBeLessThanOrEqual(0);
    pacer.drew(1000, 1010);
    expect(pacer.waitFrom(1010)).toBe(150);
    expect(pacer.waitFrom(1100)).toBe(60);
    expect(pacer.waitFrom(1160)).toBeLessThanOrEqual(0);
  });

  it('waits five times as long as a slow draw took', () => {
    const pacer = new DrawPacer();
    pacer.drew(2000, 2100);
    expect(pacer.waitFrom(2100)).toBe(500);
    pacer.drew(3000, 3010);
    expect(pacer.waitFrom(3010)).toBe(150);
  });

  it('keeps drawing within a fifth of the time when every draw is slower than the last', () => {
    // A run of XOR for 50,000 epochs at 1,000 epochs a second: each draw redraws every
    // point so far, at 20 µs a point. Events arrive every millisecond; a draw happens at
    // the first event the pacer allows, as LiveCharts schedules it.
    const pacer = new DrawPacer();
    let drawing = 0;
    let draws = 0;
    let now = 0;
    while (now < 50_000) {
      if (pacer.waitFrom(now) <= 0) {
        const cost = now * 0.02;
        pacer.drew(now, now + cost);
        drawing += cost;
        draws += 1;
        now += cost;
      }
      now += 1;
    }
    expect(drawing / now).toBeLessThanOrEqual(0.2);
    // …and it still draws: more than once every two seconds on average.
    expect(draws).toBeGreaterThan(25);
  });
});
