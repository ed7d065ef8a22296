import { describe, expect, it } from 'vitest';
import type { WorkerChannel } from '../../../src/main/services/workers/worker-channel';
import { openRequestClient } from '../../../src/main/services/workers/request-client';

/**
 * The moment between a helper process dying and its channel saying so: sending then throws
 * (Node's ERR_IPC_CHANNEL_CLOSED). That race cannot be timed with a real process, so this
 * channel throws on purpose; the question must fail with a sentence, not an internal error.
 */
function closedChannel(): WorkerChannel {
  return {
    send: () => {
      throw new Error('Channel closed');
    },
    connected: false,
    pid: undefined,
    onMessage: () => undefined,
    onStderr: () => undefined,
    onClose: () => undefined,
    onSpawnError: () => undefined,
    kill: () => undefined,
  };
}

describe('asking a helper process whose channel has just closed', () => {
  it('fails with a clear, retryable message', async () => {
    const client = openRequestClient(closedChannel());
    const error = await client.request('backends.report', { choice: 'auto' }).catch((e) => e);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect(error.message).toBe(
      `Neurite's helper process could not be asked "backends.report" (Channel closed). Try again.`,
    );
    client.close();
  });
});

/** A process that reports progress every 40 ms, five times, then answers. */
function slowButWorkingChannel(): WorkerChannel & { killed: boolean } {
  let listener: (message: unknown) => void = () => undefined;
  const channel = {
    killed: false,
    send: (message: unknown) => {
      const { id } = message as { id: number };
      for (let k = 1; k <= 5; k += 1) {
        setTimeout(() => listener({ type: 'progress', id, done: k * 20, total: 100 }), k * 40);
      }
      setTimeout(
        () => listener({ type: 'response', id, ok: true, output: { output: [0.5] } }),
        5 * 40 + 20,
      );
    },
    connected: true,
    pid: undefined,
    onMessage: (l: (message: unknown) => void) => {
      listener = l;
    },
    onStderr: () => undefined,
    onClose: () => undefined,
    onSpawnError: () => undefined,
    kill: () => {
      channel.killed = true;
    },
  };
  return channel;
}

describe('asking a helper process that is busy with a long question', () => {
  it('passes its progress on and waits as long as it keeps reporting', async () => {
    const channel = slowButWorkingChannel();
    const client = openRequestClient(channel);
    const reports: number[] = [];
    // The whole answer takes 220 ms, more than twice the 100 ms allowed without a word.
    const answer = await client.request(
      'inside.predict',
      {
        model: { key: 'k', graph: {}, weightsDir: null, training: null },
        example: { values: [1] },
      },
      { timeoutMs: 100, onProgress: (done) => reports.push(done) },
    );
    expect(answer.output).toEqual([0.5]);
    expect(reports).toEqual([20, 40, 60, 80, 100]);
    expect(channel.killed).toBe(false);
    client.close();
  });
});

/**
 * A process busy with a long question (progress every 40 ms for 200 ms) and a second
 * question queued behind it, answered only after the first.
 */
function queuedChannel(): WorkerChannel {
  let listener: (message: unknown) => void = () => undefined;
  let sent = 0;
  return {
    send: (message: unknown) => {
      const { id } = message as { id: number };
      sent += 1;
      if (sent === 1) {
        for (let k = 1; k <= 5; k += 1) {
          setTimeout(() => listener({ type: 'progress', id, done: k, total: 5 }), k * 40);
        }
        setTimeout(
          () => listener({ type: 'response', id, ok: true, output: { output: [1] } }),
          210,
        );
      } else {
        setTimeout(
          () => listener({ type: 'response', id, ok: true, output: { output: [2] } }),
          230,
        );
      }
    },
    connected: true,
    pid: undefined,
    onMessage: (l) => {
      listener = l;
    },
    onStderr: () => undefined,
    onClose: () => undefined,
    onSpawnError: () => undefined,
    kill: () => undefined,
  };
}

describe('a question queued behind a long one', () => {
  it('waits as long as the process keeps reporting on the long one', async () => {
    const client = openRequestClient(queuedChannel());
    const input = {
      model: { key: 'k', graph: {}, weightsDir: null, training: null },
      example: { values: [1] },
    };
    const long = client.request('inside.predict', input, { timeoutMs: 100 });
    // Answered after 230 ms, though it allows only 100 ms without a word from the process.
    const queued = client.request('inside.predict', input, { timeoutMs: 100 });
    expect((await long).output).toEqual([1]);
    expect((await queued).output).toEqual([2]);
    client.close();
  });
});
