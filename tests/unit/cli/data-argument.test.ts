import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDataArgument } from '../../../src/main/cli/data-argument';

const folder = mkdtempSync(join(tmpdir(), 'neurite-data-argument-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const csv = join(folder, 'pairs.csv');
writeFileSync(csv, 'x1,x2,y1,y2\n1,2,2,1\n');

describe('neurite train --data <file.csv> --target', () => {
  it('takes one column by name or by 0-based index', () => {
    expect(parseDataArgument(csv, { target: 'y1' })).toMatchObject({ target: 'y1' });
    expect(parseDataArgument(csv, { target: '2' })).toMatchObject({ target: 2 });
    expect(parseDataArgument(csv, {})).not.toHaveProperty('target');
  });

  it('takes several columns separated by commas, in that order, as a sequence to predict', () => {
    expect(parseDataArgument(csv, { target: 'y2, y1' })).toMatchObject({ target: ['y2', 'y1'] });
    expect(parseDataArgument(csv, { target: '2,3' })).toMatchObject({ target: [2, 3] });
  });
});
