import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** tests/fixtures/data/<name> */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/data/${name}`, import.meta.url));
}

/** A fresh temporary folder; `write` puts files in it, `remove` deletes it all. */
export function tempFolder(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), `neurite-${prefix}-`));
  return {
    root,
    path: (name: string) => join(root, name),
    write(name: string, content: string | Uint8Array): string {
      const path = join(root, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
