import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder of files Neurite ships (templates, …): resources/ at the repository root, found
 * from a bundle in out/main or from the sources in src/main/services.
 */
export function defaultResourcesDir(): string {
  const candidates = [
    path.resolve(__dirname, '../../resources'),
    path.resolve(__dirname, '../../../resources'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'templates'))) ?? candidates[0]!;
}
