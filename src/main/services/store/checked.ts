import type { z } from 'zod';
import { describeIssue, formatPath } from '../../../shared/graph/problems';
import { StoreError } from './store-error';
import type { StoreIssue } from './store-error';

/** Schema issues as the API reports them: a path, and a sentence a person can act on. */
export function issuesOf(error: z.ZodError, input: unknown, where: string): StoreIssue[] {
  return error.issues.map((issue) => ({
    path: [where, formatPath(issue.path)].filter((part) => part !== '').join('.'),
    message: describeIssue(issue, input),
  }));
}

/**
 * Checks a value against a schema; refuses it as invalid-input naming the first problem.
 * `what` names the value for the user ("the training settings"), `where` its path.
 */
export function checked<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error, value, where);
  const first = issues[0]!;
  const at = first.path === '' ? '' : `${first.path}: `;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : '';
  throw new StoreError(
    'invalid-input',
    `${what[0]!.toUpperCase()}${what.slice(1)} cannot be used: ${at}${first.message}${more}`,
    { issues },
  );
}
