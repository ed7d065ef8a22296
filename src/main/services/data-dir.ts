import os from 'node:os';
import path from 'node:path';

/**
 * Where Neurite keeps projects and runs when no folder is given: the platform's usual place
 * for an application's own data.
 *   Linux and others  $XDG_DATA_HOME/neurite, else ~/.local/share/neurite
 *   macOS             ~/Library/Application Support/Neurite
 *   Windows           %APPDATA%\Neurite
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    const appData = env['APPDATA'];
    const base =
      appData && path.win32.isAbsolute(appData)
        ? appData
        : path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(base, 'Neurite');
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', 'Neurite');
  }
  // The XDG spec says a relative value is invalid and must be ignored.
  const xdg = env['XDG_DATA_HOME'];
  const base = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.local', 'share');
  return path.posix.join(base, 'neurite');
}
