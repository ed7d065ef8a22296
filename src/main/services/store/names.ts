import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH } from './limits';
import { StoreError } from './store-error';

/** A project name as the user typed it, trimmed; refused when empty or too long. */
export function projectName(raw: unknown): string {
  if (typeof raw !== 'string') {
    throw new StoreError('invalid-input', 'A project name must be text.', {
      issues: [{ path: 'name', message: 'must be text' }],
    });
  }
  const name = cleanName(raw);
  if (name.length === 0) {
    throw new StoreError('invalid-input', 'Give the project a name (at least one character).', {
      issues: [{ path: 'name', message: 'must not be empty' }],
    });
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw new StoreError(
      'invalid-input',
      `A project name can have at most ${MAX_NAME_LENGTH} characters; this one has ${name.length}. Shorten it.`,
      { issues: [{ path: 'name', message: `must have at most ${MAX_NAME_LENGTH} characters` }] },
    );
  }
  return name;
}

/** A project description: any text, bounded like a graph's metadata.description. */
export function projectDescription(raw: unknown): string {
  if (raw === undefined) return '';
  if (typeof raw !== 'string') {
    throw new StoreError('invalid-input', 'A project description must be text.', {
      issues: [{ path: 'description', message: 'must be text' }],
    });
  }
  if (raw.length > MAX_DESCRIPTION_LENGTH) {
    throw new StoreError(
      'too-large',
      `A project description can have at most ${MAX_DESCRIPTION_LENGTH} characters; this one has ${raw.length}.`,
    );
  }
  return raw;
}

/** Cuts text to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return text.slice(0, end).trimEnd();
}

/** The name of a duplicate: "Copy of X", cut to the longest name allowed. */
export function copyName(name: string): string {
  return cut(`Copy of ${name}`, MAX_NAME_LENGTH);
}

/**
 * A name no project in `taken` has: the name itself when it is free, else the name with the
 * first free number, "XOR (2)", "XOR (3)", … A name that already ends in a number ("XOR (2)")
 * counts on from it. The number is kept when the name must be cut to fit.
 */
export function distinctName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const numbered = /^(.*) \((\d{1,6})\)$/.exec(name);
  const stem = numbered ? numbered[1]! : name;
  for (let n = numbered ? Number(numbered[2]) + 1 : 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${cut(stem, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

// Control characters are exactly what must go, so the pattern names them.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
const RESERVED_ON_WINDOWS = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

/** A file name stem from a project name that is safe on Windows, macOS and Linux. */
export function fileStem(name: string): string {
  const ends = /^[\s.-]+|[\s.-]+$/g;
  const cleaned = name.replace(UNSAFE_IN_FILE_NAMES, '-').replace(/\s+/g, ' ').replace(ends, '');
  const stem = cut(cleaned, 100).replace(ends, '');
  if (stem.length === 0) return 'Untitled project';
  return RESERVED_ON_WINDOWS.test(stem) ? `${stem} project` : stem;
}

/**
 * A name as it may be shown and used for files: control characters (NUL, line breaks, tabs)
 * become spaces, and the invisible marks that reverse the direction of text (which can make
 * "report.neurite" display as something else) are taken out.
 */
export function cleanName(raw: string): string {
  return (
    raw
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}
