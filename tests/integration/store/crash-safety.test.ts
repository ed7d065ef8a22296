import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseGraphDocument } from '../../../src/shared/graph/parse';
import {
  bigNetwork,
  inspectDatabase,
  removeTempFolders,
  repoRoot,
  storeFixture,
  tempFolder,
  testStore,
} from '../../fixtures/store/store-helpers';

/**
 * Crash safety with real processes: a child saves revisions and records epochs as fast as it
 * can, printing each one once committed, and is SIGKILLed in the middle of it. The database
 * must then open without being taken for damaged, pass integrity_check, and hold at least
 * everything the child reported, with a parseable graph. Three rounds on the same folder.
 */

afterAll(removeTempFolders);

interface Killed {
  readonly runId: string;
  readonly signal: NodeJS.Signals | null;
  readonly lastRevision: number;
  readonly lastEpoch: number;
  readonly reported: number;
}

/** Runs save-loop.ts until it has reported `atLeast` revisions, waits `delayMs`, kills it. */
function saveUntilKilled(
  dataDir: string,
  projectId: string,
  atLeast: number,
  delayMs: number,
): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', storeFixture('save-loop.ts'), dataDir, projectId],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let revisions = 0;
    let killing = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      revisions += chunk.split('rev ').length - 1;
      if (!killing && revisions >= atLeast) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (!killing) {
        reject(new Error(`save-loop ended on its own:\n${err}`));
        return;
      }
      // Only whole lines count: a line cut by the kill was never fully reported.
      const lines = out.slice(0, out.lastIndexOf('\n') + 1).split('\n');
      const last = (prefix: string) =>
        Math.max(
          0,
          ...lines.filter((l) => l.startsWith(prefix)).map((l) => Number(l.slice(prefix.length))),
        );
      resolve({
        runId: lines.find((l) => l.startsWith('run '))?.slice(4) ?? '',
        signal,
        lastRevision: last('rev '),
        lastEpoch: last('epoch '),
        reported: lines.filter((l) => l.startsWith('rev ')).length,
      });
    });
  });
}

describe('a store process killed while it writes', () => {
  it('leaves a database that opens, passes integrity_check and holds every reported commit', async () => {
    const dataDir = path.join(tempFolder(), 'data');
    const setup = testStore(dataDir);
    const project = setup.createProject({ name: 'Crash test', graph: bigNetwork(150, 0) });
    setup.close();

    for (const [round, delayMs] of [0, 7, 19].entries()) {
      const killed = await saveUntilKilled(dataDir, project.id, 40, delayMs);
      expect(killed.signal).toBe('SIGKILL');
      expect(killed.lastRevision).toBeGreaterThan(0);

      // Checked through a plain connection first, before the store gets a chance to repair.
      inspectDatabase(dataDir, (db) => {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const graph = db
          .prepare('SELECT graph FROM revisions WHERE id = ?')
          .pluck()
          .get(killed.lastRevision) as string;
        expect(parseGraphDocument(graph).ok).toBe(true);
      });

      const onRecovered = vi.fn();
      const store = testStore(dataDir, { onRecovered });
      expect(onRecovered).not.toHaveBeenCalled();
      const reopened = store.getProject(project.id);
      expect(reopened.revisionId).toBeGreaterThanOrEqual(killed.lastRevision);
      expect(parseGraphDocument(reopened.graph).ok).toBe(true);
      expect(store.listRevisions(project.id).map((r) => r.id)).toContain(killed.lastRevision);
      // The run the child was recording was cut off: it is failed now, with every reported epoch.
      const cut = store.getRun(killed.runId);
      expect(cut.status).toBe('failed');
      expect(cut.epochs.length).toBeGreaterThanOrEqual(killed.lastEpoch);
      expect(cut.epochs.map((e) => e.epoch)).toEqual(cut.epochs.map((_, i) => i + 1));
      console.log(
        `round ${round + 1}: killed after ${killed.reported} reported saves; last reported revision ${killed.lastRevision}, latest in the database ${reopened.revisionId}; ${cut.epochs.length} epochs kept (${killed.lastEpoch} reported)`,
      );
      store.close();
    }
  });
});
