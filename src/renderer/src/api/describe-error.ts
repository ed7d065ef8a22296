import { ApiCallError } from '../../../shared/api/client';

/** Said when nothing better is known: what happened, and what to do. */
export const SOMETHING_WENT_WRONG =
  'Something went wrong inside Neurite. Try again; if it keeps happening, restart Neurite.';

/**
 * Errors that JavaScript or the browser raise themselves. They mean a bug or a browser refusal,
 * and their messages ("Cannot read properties of undefined") are written for programmers.
 */
const RAISED_BY_THE_ENGINE = [
  TypeError,
  RangeError,
  ReferenceError,
  SyntaxError,
  EvalError,
  URIError,
];

function writtenForPeople(error: Error): boolean {
  if (!error.message) return false;
  if (RAISED_BY_THE_ENGINE.some((kind) => error instanceof kind)) return false;
  return !(typeof DOMException !== 'undefined' && error instanceof DOMException);
}

/**
 * The sentence to show for a failed call or action:
 * - a refusal from Neurite: its own sentence, and where the input was wrong when it says so;
 * - an error the page raised with a sentence for the user (a file too large to upload, a
 *   network that could not be saved): that sentence;
 * - anything else (a bug, a browser refusal): `fallback`, never a programmer's message.
 */
export function describeError(error: unknown, fallback: string = SOMETHING_WENT_WRONG): string {
  if (error instanceof ApiCallError) {
    const issues = error.error.issues ?? [];
    if (issues.length === 0) return error.message;
    const where = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    return `${error.message} ${where.join(' ')}`;
  }
  if (error instanceof Error && writtenForPeople(error)) return error.message;
  return fallback;
}
