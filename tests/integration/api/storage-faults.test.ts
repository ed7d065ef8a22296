import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../../src/shared/api/records';
import type { TrainerEvent } from '../../../src/shared/training/events';
import { apiServices, callService as call } from '../../fixtures/api-service';

/**
 * The database failing under the server, as when another program holds it (a second copy of
 * Neurite, a backup tool) longer than Neurite waits: the server stays up, a run whose progress
 * cannot be saved stops with the reason, and opening a project still works. The lock is a real
 * one, taken on the real database file by a second connection.
 */

const open = apiServices();

/** Another program writing to Neurite's database, until `release`. */
function holdDatabase(dataDir: string): { release(): void } {
  const other = new Database(path.join(dataDir, 'neurite.db'));
  other.exec('BEGIN IMMEDIATE');
  return {
    release() {
      other.exec('ROLLBACK');
      other.close();
    },
  };
}

describe('when the database cannot take a write', () => {
  it('stops a run whose progress cannot be saved, says why, and keeps serving', async () => {
    const { service, events, dataDir } = open();
    const project = await call<{ id: string }>(service, 'projects.create', {
      name: 'XOR',
      template: 'xor-mlp',
    });
    await call(service, 'training.start', {
      projectId: project.id,
      data: { source: 'builtin', name: 'xor' },
      config: { epochs: 100_000, batchSize: 4, validation: { kind: 'none' } },
      backend: 'cpu',
    });
    const trainerEvents = () =>
      events
        .filter((e) => e.name === 'training.event')
        .map((e) => (e.payload as { event: TrainerEvent }).event);
    await expect.poll(() => trainerEvents().some((e) => e.type === 'epoch')).toBe(true);

    const held = holdDatabase(dataDir);
    try {
      await expect
        .poll(() => trainerEvents().find((e) => e.type === 'failed'), { timeout: 60_000 })
        .toMatchObject({
          type: 'failed',
          code: 'storage',
          message: expect.stringMatching(
            /^Neurite could not save this run's progress, so it stopped the run after epoch \d+\. Neurite's project database is busy in another program/,
          ) as unknown,
        });
    } finally {
      held.release();
    }
    // What the run had learnt is kept, and the message says where.
    const failed = trainerEvents().find((e) => e.type === 'failed');
    const kept = /The weights it had learnt by then are kept in "([^"]+)"\.$/.exec(
      failed?.type === 'failed' ? failed.message : '',
    )?.[1];
    expect(kept).toBeDefined();
    expect(existsSync(path.join(kept!, 'model.json'))).toBe(true);
    // The server is still there, and saves again once the other program lets go.
    const list = await call<unknown[]>(service, 'projects.list', {});
    expect(list).toHaveLength(1);
    await call(service, 'projects.rename', { projectId: project.id, name: 'XOR again' });
  }, 90_000);

  it('opens a project all the same', async () => {
    const { service, dataDir } = open();
    const project = await call<{ id: string }>(service, 'projects.create', {
      name: 'Held open',
      template: 'xor-mlp',
    });
    const held = holdDatabase(dataDir);
    try {
      const opened = await call<Project>(service, 'projects.open', { projectId: project.id });
      expect(opened.name).toBe('Held open');
    } finally {
      held.release();
    }
  }, 30_000);
});
