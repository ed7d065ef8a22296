import { describe, expect, it } from 'vitest';
import { describeError, SOMETHING_WENT_WRONG } from '../../../src/renderer/src/api/describe-error';
import { ApiCallError } from '../../../src/shared/api/client';

/** One way to turn a failure into the sentence a user reads. */
describe('describeError', () => {
  it("gives Neurite's own sentence", () => {
    const error = new ApiCallError({ code: 'not-found', message: 'There is no such project.' });
    expect(describeError(error, 'unused')).toBe('There is no such project.');
  });

  it('adds where the input was wrong when Neurite says so', () => {
    const error = new ApiCallError({
      code: 'invalid-input',
      message: 'The request "datasets.preview" is not valid.',
      issues: [
        { path: 'data.size', message: 'Too small.' },
        { path: '', message: 'Unknown key.' },
      ],
    });
    expect(describeError(error)).toBe(
      'The request "datasets.preview" is not valid. data.size: Too small. Unknown key.',
    );
  });

  it("gives the page's own sentence for an error it raised for the user", () => {
    class UploadRefused extends Error {}
    expect(describeError(new UploadRefused('"big.csv" is 80 MB; …'))).toBe('"big.csv" is 80 MB; …');
    expect(describeError(new Error('The disk is full.'), 'fallback')).toBe('The disk is full.');
  });

  it("never shows a programmer's message: bugs and browser refusals get the fallback", () => {
    expect(describeError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
      SOMETHING_WENT_WRONG,
    );
    expect(describeError(new RangeError('Maximum call stack size exceeded'), 'Not saved.')).toBe(
      'Not saved.',
    );
    expect(describeError(new DOMException('Failed to execute atob', 'InvalidCharacterError'))).toBe(
      SOMETHING_WENT_WRONG,
    );
    expect(describeError('a string', 'Not read.')).toBe('Not read.');
    expect(describeError(new Error(''), 'Not read.')).toBe('Not read.');
  });
});
