import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  captureProblem,
  capturesZip,
  folderName,
  MIN_PICTURES_PER_CLASS,
} from '../../../src/renderer/src/data/model/camera-captures';

const pictures = (n: number, fill: number) =>
  Array.from({ length: n }, (_, i) => Uint8Array.from([fill, i]));

describe('pictures recorded with the camera', () => {
  it('say what is missing before they can be used', () => {
    expect(captureProblem([{ name: 'cat', images: pictures(9, 1) }])).toMatch(/two classes/);
    expect(
      captureProblem([
        { name: 'cat', images: pictures(9, 1) },
        { name: '  ', images: pictures(9, 2) },
      ]),
    ).toBe('Give class 2 a name.');
    expect(
      captureProblem([
        { name: 'Cat', images: pictures(9, 1) },
        { name: 'cat ', images: pictures(9, 2) },
      ]),
    ).toMatch(/Two classes are called "cat"/);
    expect(
      captureProblem([
        { name: 'cat', images: pictures(9, 1) },
        { name: 'dog', images: pictures(MIN_PICTURES_PER_CLASS - 1, 2) },
      ]),
    ).toBe(`Record at least ${MIN_PICTURES_PER_CLASS} pictures of "dog" (it has 4).`);
    expect(
      captureProblem([
        { name: 'cat', images: pictures(5, 1) },
        { name: 'dog', images: pictures(5, 2) },
      ]),
    ).toBeUndefined();
  });

  it('become a zip of one folder per class, every picture in the order taken', () => {
    const zip = capturesZip([
      { name: 'thumbs up', images: pictures(2, 7) },
      { name: 'a/b', images: pictures(1, 9) },
    ]);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'a_b/0001.png',
      'thumbs up/0001.png',
      'thumbs up/0002.png',
    ]);
    expect(Array.from(files['thumbs up/0002.png']!)).toEqual([7, 1]);
    expect(folderName(' x:y ')).toBe('x_y');
  });
});
