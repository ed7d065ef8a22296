/**
 * When a live chart may draw its new points next. Each draw redraws every point, so a long
 * run draws more and more slowly; at a fixed pace its redraws would fill the page's thread,
 * the run's events would queue behind them, and the view (Pause and Stop included) would fall
 * ever further behind the trainer. So the pause after a draw is at least the draw's own
 * duration divided by `share`: drawing takes at most that share of the page's time.
 */
export class DrawPacer {
  private lastEnd = -Infinity;
  private pause: number;

  constructor(
    /** The shortest pause between draws: about 7 draws a second already look live. */
    private readonly minPauseMs = 150,
    private readonly share = 0.2,
  ) {
    this.pause = minPauseMs;
  }

  /** Milliseconds from `now` until the next draw may start; 0 or less: now. */
  waitFrom(now: number): number {
    return this.pause - (now - this.lastEnd);
  }

  /** A draw ran from `start` to `end` (milliseconds on the same clock as waitFrom's). */
  drew(start: number, end: number): void {
    this.lastEnd = end;
    this.pause = Math.max(this.minPauseMs, (end - start) / this.share);
  }
}
