import { describe, expect, it } from 'vitest';
import {
  channelPicture,
  heatPicture,
  imagePicture,
  isImageShape,
  kernelPicture,
  magnitudes,
  stripPicture,
  unitPicture,
} from '../../../src/renderer/src/inside/model/picture';
import { answerText, classProbabilities } from '../../../src/renderer/src/inside/model/answers';
import type { ExamplesPage } from '../../../src/shared/inside/inside-schemas';

/** How the Inside panel turns numbers into pictures and words. */

describe('pictures', () => {
  it('knows an image shape: height × width × 1 or 3', () => {
    expect(isImageShape([28, 28, 1])).toBe(true);
    expect(isImageShape([32, 32, 3])).toBe(true);
    expect(isImageShape([4])).toBe(false);
    expect(isImageShape([10, 1])).toBe(false);
  });

  it('draws gray pixels as equal red, green and blue, clipped to 0…1', () => {
    const picture = imagePicture([0, 0.5, 1, 2], [2, 2, 1]);
    expect(Array.from(picture.rgba)).toEqual([
      0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    ]);
  });

  it('a heat map shows how much, not which way: the largest |value| over channels, scaled to the largest', () => {
    expect(magnitudes([0.5, -2, 1, 0], 2, 2)).toEqual([1, 0.5]);
    const heat = heatPicture([0, -4, 2, 1], [2, 2]);
    // Opacity follows |value| / 4: 0, 230, 115, 58.
    expect([3, 7, 11, 15].map((i) => heat.rgba[i])).toEqual([0, 230, 115, 58]);
  });

  it('a feature map channel runs from black at its smallest to white at its largest', () => {
    // Two channels over 1 × 3 positions; channel 1 is 5, 7, 9.
    const picture = channelPicture([0, 5, 0, 7, 0, 9], [1, 3, 2], 1);
    expect([0, 4, 8].map((i) => picture.rgba[i])).toEqual([0, 128, 255]);
  });
});

describe('answers in words', () => {
  const page = { classNames: ['cat', 'dog'] } as ExamplesPage;

  it('names the class, and says what it should have been when wrong', () => {
    expect(answerText({ index: 0, values: [], output: [0.8], predicted: 1, label: 1 }, page)).toBe(
      'dog (right)',
    );
    expect(answerText({ index: 0, values: [], output: [0.3], predicted: 0, label: 1 }, page)).toBe(
      'cat, should be dog',
    );
    expect(answerText({ index: 0, values: [], output: [2.5], target: [3] }, page)).toBe(
      '2.5 (true 3)',
    );
  });

  it('gives an autoencoder’s answer as its reconstruction error, and a long output in short', () => {
    // (0.5² + 0² + 0.1² + 0.2²) / 4 = 0.075
    expect(answerText({ index: 0, values: [1, 0, 0.5, 0.2], output: [0.5, 0, 0.4, 0] }, page)).toBe(
      'rebuilt, error 0.075',
    );
    expect(answerText({ index: 0, values: [], output: [1, 2, 3, 4, 5, 6] }, page)).toBe(
      '1, 2, 3, 4, … (6 values)',
    );
  });

  it('reads one sigmoid output as the probability of class 1', () => {
    expect(classProbabilities([0.25])).toEqual([0.75, 0.25]);
    expect(classProbabilities([0.1, 0.2, 0.7])).toEqual([0.1, 0.2, 0.7]);
  });
});

describe('a filter of the first convolution', () => {
  it('is drawn on one scale for all filters, from the lowest weight black to the highest white', () => {
    // 2 × 1 kernel, one input channel, two filters: values laid out h, w, in, out.
    const values = [-1, 0.5, 1, 0];
    const first = kernelPicture(values, [2, 1, 1, 2], 0);
    const second = kernelPicture(values, [2, 1, 1, 2], 1);
    expect([first.width, first.height]).toEqual([1, 2]);
    // Filter 1 holds −1 (lowest: black) then 1 (highest: white).
    expect(Array.from(first.rgba)).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    // Filter 2 holds 0.5 and 0, on the same scale: 0.75 and 0.5 of the way up.
    expect(Array.from(second.rgba.filter((_, i) => i % 4 === 0))).toEqual([191, 128]);
  });

  it('reading colour images is drawn in colour, a channel per colour', () => {
    // 1 × 1 kernel, three input channels, one filter.
    const picture = kernelPicture([0, 1, 0.5], [1, 1, 3, 1], 0);
    expect(Array.from(picture.rgba)).toEqual([0, 255, 128, 255]);
  });
});

describe('a dense layer’s values as a strip', () => {
  it('wraps into rows, lowest black and highest white, the cells past the end clear', () => {
    const picture = stripPicture([0, 2, 1, 4, 3], 2);
    expect([picture.width, picture.height]).toEqual([2, 3]);
    const levels = Array.from({ length: 6 }, (_, i) => picture.rgba[i * 4]);
    expect(levels).toEqual([0, 128, 64, 255, 191, 0]);
    expect(picture.rgba[5 * 4 + 3]).toBe(0);
    expect(picture.rgba[4 * 4 + 3]).toBe(255);
  });
});

describe('a first-layer unit over the plane', () => {
  it('is blue where negative and orange where positive, the low y at the bottom', () => {
    // A 2 × 2 grid, rows from the low end of y: (low y) −1, 1; (high y) 0.5, −0.5.
    const picture = unitPicture([-1, 1, 0.5, -0.5], 2);
    const pixel = (row: number, column: number) =>
      Array.from(picture.rgba.subarray((row * 2 + column) * 4, (row * 2 + column) * 4 + 3));
    // The bottom row of the picture is the low y: full blue, then full orange.
    expect(pixel(1, 0)).toEqual([8, 119, 189]);
    expect(pixel(1, 1)).toEqual([245, 147, 34]);
    // Half as strong: halfway from white.
    expect(pixel(0, 0)).toEqual([250, 201, 145]);
    expect(pixel(0, 1)).toEqual([132, 187, 222]);
  });

  it('that is never negative goes from white at its lowest to orange at its highest', () => {
    const picture = unitPicture([0, 2, 1, 2], 2);
    expect(Array.from(picture.rgba.subarray(8, 11))).toEqual([255, 255, 255]);
    expect(Array.from(picture.rgba.subarray(12, 15))).toEqual([245, 147, 34]);
  });
});
