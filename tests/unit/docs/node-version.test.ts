import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The Node.js version Neurite asks for (package.json "engines", and the README's set-up) is
 * one every installed dependency accepts: a student who installs the version the README names
 * gets no engine warnings and no tool that refuses to run.
 */

interface Semver {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
}
// npm's own version ranges, from the copy every install has (eslint and electron use it).
const semver = createRequire(import.meta.url)('semver') as Semver;

const root = path.resolve(import.meta.dirname, '../../..');
const readJson = (file: string) =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** Every installed package's engines.node, nested copies included. */
function engineRanges(folder: string, found = new Map<string, string>()): Map<string, string> {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (entry.startsWith('.')) continue;
    const full = path.join(folder, entry);
    if (entry.startsWith('@')) {
      engineRanges(full, found);
      continue;
    }
    try {
      const engines = readJson(path.join(full, 'package.json'))['engines'] as
        { node?: unknown } | undefined;
      if (typeof engines?.node === 'string') found.set(path.relative(root, full), engines.node);
    } catch {
      // Not a package (a loose file or folder).
    }
    engineRanges(path.join(full, 'node_modules'), found);
  }
  return found;
}

describe('the Node.js version', () => {
  const range = (readJson(path.join(root, 'package.json'))['engines'] as { node: string }).node;
  const lowest = semver.minVersion(range)!.version;

  it('asked for is accepted by every dependency', () => {
    const refusing = [...engineRanges(path.join(root, 'node_modules'))]
      .filter(([, wanted]) => {
        try {
          return !semver.satisfies(lowest, wanted);
        } catch {
          return false; // A range npm itself cannot read does not stop an install.
        }
      })
      .map(([name, wanted]) => `${name} wants ${wanted}`);
    expect(refusing, `Node ${lowest} (package.json engines "${range}")`).toEqual([]);
  });

  it('is the one the README names', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const [major, minor] = lowest.split('.');
    expect(readme).toContain(`[Node.js](https://nodejs.org) ${major}.${minor} or newer`);
  });
});
