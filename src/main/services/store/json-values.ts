import { MAX_SETTINGS_JSON_LENGTH, MAX_THUMBNAIL_LENGTH, THUMBNAIL_PREFIX } from './limits';
import { StoreError } from './store-error';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** A project's training settings as stored JSON. */
export function settingsJson(settings: unknown): string {
  if (!isPlainObject(settings)) {
    throw new StoreError('invalid-input', 'Training settings must be an object of named values.', {
      issues: [{ path: 'settings', message: 'must be an object' }],
    });
  }
  let json: string;
  try {
    json = JSON.stringify(settings);
  } catch (error) {
    throw new StoreError(
      'invalid-input',
      `The training settings could not be stored: ${(error as Error).message}.`,
      { issues: [{ path: 'settings', message: 'must be plain JSON values' }], cause: error },
    );
  }
  if (json.length > MAX_SETTINGS_JSON_LENGTH) {
    throw new StoreError(
      'too-large',
      `The training settings are too large to store (${json.length} characters; at most ${MAX_SETTINGS_JSON_LENGTH}).`,
    );
  }
  return json;
}

/** A canvas thumbnail: a PNG data URL of bounded size. */
export function checkedThumbnail(thumbnail: unknown): string {
  if (typeof thumbnail !== 'string' || !thumbnail.startsWith(THUMBNAIL_PREFIX)) {
    throw new StoreError('invalid-input', 'The canvas picture must be a PNG data URL.', {
      issues: [{ path: 'thumbnail', message: `must start with "${THUMBNAIL_PREFIX}"` }],
    });
  }
  if (thumbnail.length > MAX_THUMBNAIL_LENGTH) {
    throw new StoreError(
      'too-large',
      `The canvas picture is too large (${thumbnail.length} characters; at most ${MAX_THUMBNAIL_LENGTH}). Send a smaller one.`,
    );
  }
  return thumbnail;
}

/** Reads a JSON column the store wrote itself. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function fromNullableJson<T>(text: string | null): T | null {
  return text === null ? null : fromJson<T>(text);
}
