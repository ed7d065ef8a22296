import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src/main/services/data-dir';

describe('defaultDataDir', () => {
  it.each([
    ['linux', {}, '/home/ada', '/home/ada/.local/share/neurite'],
    ['linux', { XDG_DATA_HOME: '/data/ada' }, '/home/ada', '/data/ada/neurite'],
    // The XDG spec says to ignore a relative value.
    ['linux', { XDG_DATA_HOME: 'relative/dir' }, '/home/ada', '/home/ada/.local/share/neurite'],
    ['freebsd', {}, '/home/ada', '/home/ada/.local/share/neurite'],
    ['darwin', {}, '/Users/ada', '/Users/ada/Library/Application Support/Neurite'],
    [
      'win32',
      { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' },
      'C:\\Users\\ada',
      'C:\\Users\\ada\\AppData\\Roaming\\Neurite',
    ],
    ['win32', {}, 'C:\\Users\\ada', 'C:\\Users\\ada\\AppData\\Roaming\\Neurite'],
  ] as const)('on %s with %j under %s is %s', (platform, env, home, expected) => {
    expect(defaultDataDir(platform, env, home)).toBe(expected);
  });
});
