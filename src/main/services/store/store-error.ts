/** What went wrong, in the terms of the API's error codes (see apiErrorSchema). */
export type StoreErrorCode =
  'not-found' | 'conflict' | 'storage' | 'unsupported' | 'too-large' | 'invalid-input';

/** Where in the input a problem is, for invalid-input; the same shape as the API's issues. */
export interface StoreIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Every refusal or failure the store reports on purpose. The message is a sentence for the
 * user: what happened and what to do. Anything else the store throws is a bug.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  readonly issues: readonly StoreIssue[] | undefined;

  constructor(
    code: StoreErrorCode,
    message: string,
    options: { readonly cause?: unknown; readonly issues?: readonly StoreIssue[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues;
  }
}

const DISK_FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST']);
const IN_USE = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);
const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);
const DISK_TROUBLE = new Set(['EIO', 'EMFILE', 'ENFILE', 'EBUSY', 'ENAMETOOLONG']);

function errorCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object' || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** SQLite's extended codes (SQLITE_READONLY_DIRECTORY, SQLITE_IOERR_WRITE, …) by their family. */
function family(code: string): string {
  const match = /^(SQLITE_[A-Z]+?)(?:_[A-Z_]+)?$/.exec(code);
  return match ? match[1]! : code;
}

/**
 * Whether an error is the disk or the database failing to take a write (full, read-only, held
 * by another program, damaged), rather than a refusal or a bug.
 */
export function isStorageFault(error: unknown): boolean {
  const converted = toStoreError(error, '');
  return converted instanceof StoreError && converted.code === 'storage';
}

/**
 * Turns a failure of the disk or the database file into a StoreError 'storage' that says what
 * to do; anything else (a bug) comes back unchanged. SQLite rolls back the transaction that
 * failed, so a storage error never leaves half a change behind.
 */
export function toStoreError(error: unknown, dataDir: string): unknown {
  if (error instanceof StoreError) return error;
  const code = errorCode(error);
  if (code === undefined) return error;
  const kind = family(code);
  const detail = error instanceof Error ? ` (${error.message})` : '';
  if (DISK_FULL.has(kind)) {
    return new StoreError(
      'storage',
      `The disk that holds Neurite's data folder (${dataDir}) is full, so nothing was saved. Free some space and try again.`,
      { cause: error },
    );
  }
  if (kind === 'SQLITE_READONLY' || kind === 'SQLITE_CANTOPEN' || NOT_WRITABLE.has(kind)) {
    return new StoreError(
      'storage',
      `Neurite cannot write to its data folder (${dataDir}), so nothing was saved. Check that the folder exists, that you are allowed to write to it and that the drive is not read-only or disconnected${detail}.`,
      { cause: error },
    );
  }
  if (IN_USE.has(kind)) {
    return new StoreError(
      'storage',
      `Neurite's project database is busy in another program (perhaps a second copy of Neurite). Close the other one and try again.`,
      { cause: error },
    );
  }
  if (DAMAGED.has(kind)) {
    return new StoreError(
      'storage',
      `Neurite's project database in ${dataDir} is damaged. Restart Neurite: it will set the damaged file aside and start a fresh one.`,
      { cause: error },
    );
  }
  if (kind === 'SQLITE_IOERR' || kind === 'SQLITE_PERM' || DISK_TROUBLE.has(kind)) {
    return new StoreError(
      'storage',
      `Neurite could not read or write its data folder (${dataDir})${detail}. Check the drive and try again.`,
      { cause: error },
    );
  }
  return error;
}
