import { ApiCallError } from '../api';
import { UploadRefused } from './upload-file';

/** The sentence to show for a failed call: the service's own words, never a stack trace. */
export function errorMessage(error: unknown): string {
  if (error instanceof UploadRefused) return error.message;
  if (error instanceof ApiCallError) {
    const issues = error.error.issues ?? [];
    if (issues.length === 0) return error.message;
    return `${error.message} ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join(' ')}`;
  }
  return 'Something went wrong inside Neurite. Try again; if it keeps happening, restart Neurite.';
}
