import type { JsonField, NumberField, SizesField } from '../../../../shared/catalog/param-fields';

/**
 * Text ↔ value for the inspector's typed fields. Reading text only turns it into the value the
 * student meant ("3, 3" → [3, 3]); whether that value is allowed is the schema's call.
 */

export type TextRead =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

export type TextField = NumberField | SizesField | JsonField;

export function formatFieldValue(field: TextField, value: unknown): string {
  if (field.type === 'number') return typeof value === 'number' ? String(value) : '';
  if (field.type === 'sizes') return Array.isArray(value) ? value.join(', ') : '';
  return value === undefined ? '' : JSON.stringify(value);
}

/** A plain decimal number: no hex, no blanks inside, no "Infinity". */
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

export function readNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER_TEXT.test(trimmed) ? Number(trimmed) : undefined;
}

export function readFieldText(field: TextField, text: string): TextRead {
  const trimmed = text.trim();
  switch (field.type) {
    case 'number': {
      if (trimmed === '') return { ok: false, message: `${field.title} needs a number.` };
      const value = readNumber(trimmed);
      return value === undefined
        ? {
            ok: false,
            message: `${field.title} must be a number${field.integer ? ' like 16' : ' like 0.5'}, not "${trimmed}".`,
          }
        : { ok: true, value };
    }
    case 'sizes':
      return readSizes(field, trimmed);
    case 'json':
      if (trimmed === '') return { ok: true, value: undefined };
      try {
        return { ok: true, value: JSON.parse(trimmed) as unknown };
      } catch {
        return { ok: false, message: `${field.title} must be written as JSON.` };
      }
  }
}

/** "28, 28, 1", "[28, 28, 1]", "28×28×1" and "28 28 1" all read as [28, 28, 1]. */
function readSizes(field: SizesField, text: string): TextRead {
  const example = field.axes === 2 ? '3, 3' : field.axes === 1 ? '3' : '28, 28, 1';
  const inner = text.replace(/^[[(]\s*|\s*[\])]$/g, '');
  if (inner === '') {
    return field.nullable
      ? { ok: true, value: null }
      : { ok: false, message: `${field.title} needs sizes separated by commas, like ${example}.` };
  }
  const parts = inner.split(/\s*[,×*]\s*|(?<=\d)\s*x\s*(?=\d)|\s+/i).filter((part) => part !== '');
  const sizes: number[] = [];
  for (const part of parts) {
    const value = readNumber(part);
    if (value === undefined) {
      return {
        ok: false,
        message: `${field.title} must be numbers separated by commas, like ${example}; "${part}" is not a number.`,
      };
    }
    sizes.push(value);
  }
  // One size for a window over several axes means the same size on every axis, as in files.
  if (field.axes !== undefined && field.axes > 1 && sizes.length === 1) {
    return { ok: true, value: Array<number>(field.axes).fill(sizes[0]!) };
  }
  return { ok: true, value: sizes };
}
