import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGraphDocument } from '../../../src/shared/graph/parse';
import { LAB_FILE_SUFFIX } from '../../../src/shared/labs/lab-document';
import { parseLab } from '../../../src/shared/labs/parse-lab';

/* The labs that come with Neurite open, each under its own id, from a template that exists. */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const folder = path.join(root, 'resources', 'labs');
const files = readdirSync(folder)
  .filter((file) => file.endsWith(LAB_FILE_SUFFIX))
  .sort();

describe.each(files)('the built-in lab %s', (file) => {
  const parsed = parseLab(readFileSync(path.join(folder, file), 'utf8'));

  it('opens', () => {
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('is named after its id, numbered in the order of the course', () => {
    if (!parsed.ok) return;
    expect(file).toMatch(new RegExp(`^\\d\\d-${parsed.lab.id}\\${LAB_FILE_SUFFIX}$`));
  });

  it('starts from a network that opens', () => {
    if (!parsed.ok) return;
    const start = parsed.lab.start;
    if ('template' in start) {
      expect(existsSync(path.join(root, 'resources', 'templates', `${start.template}.json`))).toBe(
        true,
      );
    }
    if ('network' in start) expect(parseGraphDocument(start.network).ok).toBe(true);
  });
});

describe('the built-in labs', () => {
  it('have different ids', () => {
    const ids = files.map((file) => file.replace(/^\d\d-/, ''));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
