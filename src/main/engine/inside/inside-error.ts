/**
 * A request to look inside a network that cannot be answered as asked: the wrong input, a
 * method that does not apply, weights that do not fit. The message says what to do; the CLI
 * exits with its usage code and the app shows the sentence.
 */
export class InsideError extends Error {
  constructor(
    readonly code: 'bad-input' | 'unsupported' | 'mismatch' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'InsideError';
  }
}
