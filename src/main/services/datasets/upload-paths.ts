import path from 'node:path';

/**
 * A message with every path inside the uploads folder (`<dataDir>/uploads/<uuid>/…`) cut to
 * what follows it: the file's name as the student uploaded it, or a path inside the folder
 * they zipped. Where the server keeps uploads means nothing to them, and is not theirs to see.
 */
export function withUploadNames(message: string, dataDir: string): string {
  const uploads = path.join(path.resolve(dataDir), 'uploads');
  if (!message.includes(uploads)) return message;
  const separators = path.sep === '\\' ? '[\\\\/]' : '/';
  const pattern = new RegExp(
    `${escapeRegExp(uploads)}${separators}[0-9a-f-]{36}(?:${separators}|(?=\\W|$))`,
    'gi',
  );
  return message.replace(pattern, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The fields of answers and events that hold sentences for the user. */
const SENTENCE_KEYS = new Set(['message', 'detail']);

/**
 * An answer or event with withUploadNames applied to its sentences (every `message` and
 * `detail`, however deep: a failed run's, an issue's). Other strings are left alone: an
 * upload's own path is what the page sends back to read it. Returns `value` itself when
 * nothing changed.
 */
export function withUploadNamesIn<T>(value: T, dataDir: string): T {
  const uploads = path.join(path.resolve(dataDir), 'uploads');
  const visit = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) {
      // Long lists of numbers (pixels, curves) hold no sentences.
      if (node.length === 0 || typeof node[0] !== 'object') return node;
      let changed = false;
      const items = node.map((item) => {
        const next = visit(item);
        if (next !== item) changed = true;
        return next;
      });
      return changed ? items : node;
    }
    if (ArrayBuffer.isView(node)) return node;
    let changed = false;
    const entries = Object.entries(node).map(([key, item]) => {
      const next =
        typeof item === 'string'
          ? SENTENCE_KEYS.has(key) && item.includes(uploads)
            ? withUploadNames(item, dataDir)
            : item
          : visit(item);
      if (next !== item) changed = true;
      return [key, next] as const;
    });
    return changed ? Object.fromEntries(entries) : node;
  };
  return visit(value) as T;
}
