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
