import type { z } from 'zod';
import { closestMatch, quoteList } from '../text/suggest';

/** One thing wrong with a document, located by its JSON path (`nodes[2].params.units`). */
export interface DocumentProblem {
  readonly path: string;
  readonly message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text.length === 0 ? String(key) : `.${String(key)}`;
  }
  return text;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function show(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function bound(
  issue: { minimum?: unknown; maximum?: unknown },
  side: 'minimum' | 'maximum',
): string {
  const value = issue[side];
  return typeof value === 'bigint' || typeof value === 'number' ? String(value) : '?';
}

/**
 * Turns one schema issue into a sentence a teacher writing the file by hand can act on.
 * `subject` names what the path belongs to, e.g. `Dense "hidden"`.
 */
export function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  subject?: string,
  knownKeys?: readonly string[],
): string {
  const field = issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : undefined;
  const what = field === undefined ? 'This value' : `"${field}"`;
  const prefix = subject ? `${subject}: ` : '';
  const got = ` (got ${show(valueAt(input, issue.path))})`;
  switch (issue.code) {
    case 'invalid_type': {
      const received = valueAt(input, issue.path);
      if (received === undefined) return `${prefix}${what} is missing.`;
      const expected =
        issue.expected === 'int' ? 'a whole number' : article(String(issue.expected));
      return `${prefix}${what} must be ${expected}${got}.`;
    }
    case 'too_small':
      if (issue.origin === 'array')
        return `${prefix}${what} needs at least ${bound(issue, 'minimum')} item(s)${got}.`;
      if (issue.origin === 'string') return `${prefix}${what} must not be empty.`;
      return `${prefix}${what} must be ${issue.inclusive ? 'at least' : 'more than'} ${bound(issue, 'minimum')}${got}.`;
    case 'too_big':
      if (issue.origin === 'array')
        return `${prefix}${what} can have at most ${bound(issue, 'maximum')} item(s).`;
      if (issue.origin === 'string')
        return `${prefix}${what} is too long (at most ${bound(issue, 'maximum')} characters).`;
      return `${prefix}${what} must be ${issue.inclusive ? 'at most' : 'less than'} ${bound(issue, 'maximum')}${got}.`;
    case 'invalid_value': {
      const options = issue.values.map(String);
      const received = valueAt(input, issue.path);
      const guess = typeof received === 'string' ? closestMatch(received, options) : undefined;
      const hint = guess ? ` Did you mean "${guess}"?` : '';
      return options.length === 1
        ? `${prefix}${what} must be ${show(issue.values[0])}${got}.`
        : `${prefix}${what} must be one of ${quoteList(options)}${got}.${hint}`;
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKeyMessage(prefix, key, knownKeys)).join(' ');
    case 'invalid_union':
      return (
        unknownVariantMessage(issue, input, prefix) ??
        `${prefix}${what} is not in a form Neurite understands${got}.`
      );
    case 'invalid_format':
      if (issue.format === 'datetime') {
        return `${prefix}${what} must be a date and time like "2026-09-01T09:30:00Z"${got}.`;
      }
      return issue.format === 'regex'
        ? `${prefix}${what} ${issue.message}${got}.`
        : `${prefix}${what} is not a valid ${issue.format}${got}.`;
    default:
      return `${prefix}${what}: ${issue.message}${got}.`;
  }
}

/**
 * An unknown `type` in a tagged value, e.g. `"kernelInitializer": "he"`: names the field the
 * author wrote (not the hidden `type` inside it) and lists what it may be.
 */
function unknownVariantMessage(
  issue: z.core.$ZodIssueInvalidUnion,
  input: unknown,
  prefix: string,
): string | undefined {
  const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
  if (!discriminator || !options || issue.path[issue.path.length - 1] !== discriminator)
    return undefined;
  const parentPath = issue.path.slice(0, -1);
  const parent = valueAt(input, parentPath);
  const written = typeof parent === 'string' ? parent : valueAt(parent, [discriminator]);
  const field =
    parentPath.length > 0 ? `"${String(parentPath[parentPath.length - 1])}"` : 'This value';
  const names = options.map(String);
  const guess = typeof written === 'string' ? closestMatch(written, names) : undefined;
  return `${prefix}${field} must be one of ${quoteList(names)} (got ${show(written)}).${guess ? ` Did you mean "${guess}"?` : ''}`;
}

function unknownKeyMessage(prefix: string, key: string, knownKeys?: readonly string[]): string {
  if (!knownKeys) return `${prefix}there is no "${key}" here; remove it.`;
  const guess = closestMatch(key, knownKeys);
  const options = knownKeys.length > 0 ? ` It has: ${knownKeys.join(', ')}.` : '';
  return guess
    ? `${prefix}there is no parameter "${key}". Did you mean "${guess}"?`
    : `${prefix}there is no parameter "${key}".${options}`;
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
