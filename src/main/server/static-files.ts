import { createReadStream, realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { CSP_HEADER } from './csp';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Sent with every response, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  // The page's address carries the session token; it must never travel in a Referer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

/**
 * Serves the built renderer: files only (no directory listings), index.html for "/", nothing
 * outside the folder (".." segments, encoded or not, and symbolic links leading out are refused
 * alike), no hidden files.
 */
export function createStaticFiles(rootDir: string) {
  const base = realpathSync(path.resolve(rootDir));

  /** The file a URL path names, or undefined when it names nothing that may be served. */
  async function resolveFile(
    pathname: string,
  ): Promise<{ file: string; size: number } | undefined> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0')) return undefined;
    const file = path.join(base, decoded);
    if (!file.startsWith(base + path.sep)) return undefined;
    if (
      path
        .relative(base, file)
        .split(path.sep)
        .some((part) => part.startsWith('.'))
    ) {
      return undefined;
    }
    try {
      const real = await realpath(file);
      if (!real.startsWith(base + path.sep)) return undefined;
      const facts = await stat(real);
      return facts.isFile() ? { file: real, size: facts.size } : undefined;
    } catch {
      return undefined;
    }
  }

  return async function serveStatic(
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
  ): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendText(response, 405, 'Only GET and HEAD are answered here.');
      return;
    }
    const found = await resolveFile(pathname);
    if (!found && pathname === '/favicon.ico') {
      // Browsers ask for one unprompted; without it they log an error on every load.
      response.writeHead(204, SECURITY_HEADERS).end();
      return;
    }
    if (!found) {
      sendText(response, 404, 'Not found.');
      return;
    }
    const { file, size } = found;
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeOf(file),
      'Content-Length': size,
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  };
}
