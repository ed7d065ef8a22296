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
