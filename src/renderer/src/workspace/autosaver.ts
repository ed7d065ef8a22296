import { describeError } from '../api/describe-error';

/** Where the open project's network stands against what is stored. */
export type SaveState =
  | { readonly status: 'saved' }
  | { readonly status: 'unsaved' }
  | { readonly status: 'saving' }
  | { readonly status: 'failed'; readonly message: string };

export interface AutosaverOptions<T> {
  /** Stores one value; rejects with an Error whose message is for the user. */
  readonly save: (value: T) => Promise<unknown>;
  /** Quiet time after the last change before saving, in ms. */
  readonly delayMs?: number;
}

/** Default quiet time: long enough that typing a number is one save, short enough to feel live. */
export const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves the latest value of something the user edits, a while after they stop editing: one save
 * at a time, never an older value after a newer one, and nothing when the value is the one
 * already stored. A failed save keeps the value and says why; the next change or `flush` tries
 * again. Values are compared by identity: the editor's documents are immutable.
 */
export class Autosaver<T> {
  private stored: T;
  private latest: T;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private current: SaveState = { status: 'saved' };
  private readonly listeners = new Set<() => void>();
  private readonly delayMs: number;

  constructor(
    initial: T,
    private readonly options: AutosaverOptions<T>,
  ) {
    this.stored = initial;
    this.latest = initial;
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  }

  get state(): SaveState {
    return this.current;
  }

  /** True while there is something not yet stored (or being stored). */
  get dirty(): boolean {
    return this.latest !== this.stored;
  }

  /** The user changed the value: save it once they pause. */
  change(value: T): void {
    this.latest = value;
    this.clearTimer();
    if (!this.dirty) {
      if (!this.running) this.setState({ status: 'saved' });
      return;
    }
    if (!this.running) this.setState({ status: 'unsaved' });
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.saveLatest().catch(() => undefined);
    }, this.delayMs);
  }

  /** Saves now if anything is unsaved; rejects with the reason when the save fails. */
  async flush(): Promise<void> {
    this.clearTimer();
    await this.saveLatest();
    if (this.current.status === 'failed') throw new Error(this.current.message);
  }

  /** The stored value was replaced elsewhere (a restored revision): start again from it. */
  reset(value: T): void {
    this.clearTimer();
    this.stored = value;
    this.latest = value;
    this.setState({ status: 'saved' });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.clearTimer();
    this.listeners.clear();
  }

  private async saveLatest(): Promise<void> {
    // One save at a time: wait for the one in flight, then store whatever is newest by then.
    while (this.running) await this.running;
    if (!this.dirty) return;
    const value = this.latest;
    this.setState({ status: 'saving' });
    this.running = this.options.save(value).then(
      () => {
        this.stored = value;
        this.setState(this.dirty ? { status: 'unsaved' } : { status: 'saved' });
      },
      (error: unknown) => {
        this.setState({
          status: 'failed',
          message: describeError(error, 'The network could not be saved.'),
        });
      },
    );
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
    // Edits made while saving are saved after the usual pause.
    if (this.dirty && this.current.status === 'unsaved' && !this.timer) this.change(this.latest);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private setState(state: SaveState): void {
    this.current = state;
    for (const listener of this.listeners) listener();
  }
}
