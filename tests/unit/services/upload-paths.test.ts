import { describe, expect, it } from 'vitest';
import { withUploadNames } from '../../../src/main/services/datasets/upload-paths';

/** Messages name uploaded files as the student uploaded them, not where the server keeps them. */

const DATA = '/srv/neurite/data';
const UUID = '3c8d0df7-1898-4d66-a560-795f030ab7db';

describe('withUploadNames', () => {
  it.each([
    [`${DATA}/uploads/${UUID}/marks.csv: line 3 has 2 cells`, 'marks.csv: line 3 has 2 cells'],
    [
      `The class folder "cats" in ${DATA}/uploads/${UUID}/pets has no image.`,
      'The class folder "cats" in pets has no image.',
    ],
    [
      `"${DATA}/uploads/${UUID}/my data.csv" and "${DATA}/uploads/${UUID.replace('3', '4')}/b.csv"`,
      '"my data.csv" and "b.csv"',
    ],
    // Anything else is left as it is: a file the desktop app's user chose is theirs.
    ['/home/ada/marks.csv: line 3 has 2 cells', '/home/ada/marks.csv: line 3 has 2 cells'],
    [`${DATA}/neurite.db is damaged`, `${DATA}/neurite.db is damaged`],
  ])('%s', (message, expected) => {
    expect(withUploadNames(message, DATA)).toBe(expected);
  });
});
