// Fetches Electron's binary right after `npm install`, so that `npm start` works at once.
// Electron >= 42 would otherwise download it lazily on first require, which `electron-vite`
// never triggers. Offline machines (CI, classrooms behind a proxy) only get a warning: every
// check except the desktop window itself runs without the binary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronInstallScript() {
  try {
    return path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return null;
  }
}

const script = electronInstallScript();
if (!script || !existsSync(script)) {
  console.warn('[neurite] Electron is not installed; skipping its binary download.');
  process.exit(0);
}

const result = spawnSync(process.execPath, [script], { stdio: 'inherit', timeout: 10 * 60 * 1000 });
if (result.status !== 0) {
  console.warn(
    '[neurite] Could not download the Electron binary (no internet?). ' +
      'Tests and `npm run serve` still work; run `npm rebuild electron` when online to use `npm start`.',
  );
}
process.exit(0);
