import { describe, expect, it } from 'vitest';
import type { Bounds } from './model';
import { READABLE_ZOOM, readableFit } from './model';

const view = { width: 840, height: 700 };

/** The part of the network on screen, in flow coordinates. */
function seen(viewport: { x: number; y: number; zoom: number }) {
  return {
    left: -viewport.x / viewport.zoom,
    top: -viewport.y / viewport.zoom,
    right: (view.width - viewport.x) / viewport.zoom,
    bottom: (view.height - viewport.y) / viewport.zoom,
  };
}

describe('readableFit: zoom to fit, never below a readable zoom', () => {
  it('shows a small network whole, centred, at actual size at most', () => {
    const network: Bounds = { x: 100, y: 50, width: 200, height: 400 };
    const fit = readableFit(network, view);
    expect(fit.zoom).toBe(1);
    const s = seen(fit);
    expect((s.left + s.right) / 2).toBeCloseTo(200);
    expect((s.top + s.bottom) / 2).toBeCloseTo(250);
  });

  it('zooms out to show a larger network whole while the text stays readable', () => {
    const fit = readableFit({ x: 0, y: 0, width: 200, height: 700 }, view);
    expect(fit.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(fit.zoom).toBeLessThan(1);
    const s = seen(fit);
    expect(s.top).toBeLessThanOrEqual(0);
    expect(s.bottom).toBeGreaterThanOrEqual(700);
  });

  it('fits the width of a network too tall to fit, from its top, to be scrolled', () => {
    // LeNet-5 top to bottom: one card wide, ten cards tall.
    const fit = readableFit({ x: -40, y: 20, width: 200, height: 1500 }, view);
    expect(fit.zoom).toBe(1);
    const s = seen(fit);
    expect(s.top).toBeCloseTo(20 - 32);
    expect(s.left).toBeLessThan(-40);
    expect(s.right).toBeGreaterThan(160);
  });

  it('a network both too tall and too wide: the readable zoom, from its top-left corner', () => {
    const fit = readableFit({ x: 0, y: 0, width: 3000, height: 3000 }, view);
    expect(fit.zoom).toBe(READABLE_ZOOM);
    expect(seen(fit).left).toBeCloseTo(-32 / READABLE_ZOOM);
    expect(seen(fit).top).toBeCloseTo(-32 / READABLE_ZOOM);
  });

  it('a wide, short network shown whole at a readable zoom', () => {
    const fit = readableFit({ x: 0, y: 0, width: 900, height: 200 }, view);
    expect(fit.zoom).toBeCloseTo((840 - 64) / 900);
    expect(seen(fit).left).toBeLessThanOrEqual(0);
    expect(seen(fit).right).toBeGreaterThanOrEqual(900);
  });
});
