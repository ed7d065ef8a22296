import { describe, expect, it } from 'vitest';
import type { Migration } from '../../../src/shared/graph/migrations';
import { migrateDocument } from '../../../src/shared/graph/migrations';

// The published format has one version so far; these steps exercise the upgrade machinery
// the way a real format change will use it.
const renameEdgesStep: Migration = {
  from: 1,
  describe: 'links are now called edges',
  migrate: ({ links, ...rest }) => ({ ...rest, edges: links }),
};
const addMetadataStep: Migration = {
  from: 2,
  describe: 'metadata added',
  migrate: (doc) => ({ ...doc, metadata: { name: 'Upgraded' } }),
};

describe('migrateDocument', () => {
  it('applies every step from the file version up to the current one, in order', () => {
    const result = migrateDocument({ version: 1, links: [1] }, 3, [
      addMetadataStep,
      renameEdgesStep,
    ]);
    expect(result).toEqual({
      ok: true,
      document: { version: 3, edges: [1], metadata: { name: 'Upgraded' } },
      applied: ['links are now called edges', 'metadata added'],
    });
  });

  it('leaves a current document as it is', () => {
    expect(migrateDocument({ version: 3, a: 1 }, 3, [])).toEqual({
      ok: true,
      document: { version: 3, a: 1 },
      applied: [],
    });
  });

  it('refuses newer versions and nonsense versions with a message', () => {
    const newer = migrateDocument({ version: 4 }, 3, []);
    expect(newer.ok).toBe(false);
    expect(!newer.ok && newer.message).toMatch(/newer Neurite/);
    for (const version of [0, -1, 1.5, '1', undefined]) {
      const result = migrateDocument({ version }, 3, []);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(
        /"version" must be a whole number from 1 to 3; this file says/,
      );
    }
  });

  it('reports a gap in the migration chain instead of guessing', () => {
    const result = migrateDocument({ version: 1 }, 3, [addMetadataStep]);
    expect(result).toEqual({ ok: false, message: 'No upgrade is known from format version 1.' });
  });
});
