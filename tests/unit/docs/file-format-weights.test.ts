import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAYER_KINDS } from '../../../src/shared/catalog/registry';
import { withWeightsTable } from '../../../scripts/weights-table';

const file = fileURLToPath(new URL('../../../docs/file-format.md', import.meta.url));

describe('the weights table of docs/file-format.md', () => {
  const committed = readFileSync(file, 'utf8');

  it('is up to date with the layer catalog', () => {
    expect(
      withWeightsTable(committed) === committed,
      'The weights table of docs/file-format.md is out of date with the layer catalog. Run `npm run docs:layers` and commit the result.',
    ).toBe(true);
  });

  it('names every kind, with its formula or among the layers without weights', () => {
    const table = committed.slice(committed.indexOf('| Layer '), committed.indexOf('<!-- end'));
    for (const kind of LAYER_KINDS) {
      expect(table, kind.kind).toContain(kind.weights ? `| ${kind.title} ` : ` ${kind.title}`);
    }
  });
});
