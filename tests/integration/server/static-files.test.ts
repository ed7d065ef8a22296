import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_HEADER, RENDERER_CSP } from '../../../src/main/server/csp';
import type { RunningServer } from '../../../src/main/server/start-server';
import { startServer } from '../../../src/main/server/start-server';
import { fakeService, fakeSite } from './helpers';

let server: RunningServer;
let base: string;

beforeAll(async () => {
  server = await startServer({ service: fakeService().service, rendererDir: fakeSite().dir });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(() => server.close());

/** A request with the target sent exactly as written (fetch would normalize "/../"). */
function raw(
  target: string,
  options: { method?: string; host?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: target,
        method: options.method ?? 'GET',
        headers: { Host: options.host ?? `127.0.0.1:${server.port}` },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body, headers: response.headers }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('serving the built page', () => {
  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['/assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml'],
    ['/assets/icon.png', 'image/png'],
    ['/assets/font.woff2', 'font/woff2'],
    ['/assets/kernels.wasm', 'application/wasm'],
    ['/assets/blob.bin', 'application/octet-stream'],
    ['/assets/deeper/file.txt', 'text/plain; charset=utf-8'],
  ])('serves %s as %s', async (target, type) => {
    const response = await fetch(`${base}${target}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    await response.arrayBuffer();
  });

  it('serves index.html for / with the page itself', async () => {
    const text = await (await fetch(`${base}/?token=${server.token}`)).text();
    expect(text).toContain('<body>Neurite</body>');
  });

  it('sends the renderer CSP as a header, plus frame-ancestors, on pages and errors alike', async () => {
    for (const target of ['/', '/assets/index-abc123.js', '/missing']) {
      const response = await fetch(`${base}${target}`);
      expect(response.headers.get('content-security-policy')).toBe(
        `${RENDERER_CSP}; frame-ancestors 'none'`,
      );
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      await response.arrayBuffer();
    }
  });

  it("uses the same CSP as src/renderer/index.html's meta tag", () => {
    const html = readFileSync(path.resolve(__dirname, '../../../src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(RENDERER_CSP);
    expect(CSP_HEADER.startsWith(RENDERER_CSP)).toBe(true);
  });

  it('answers HEAD with headers only, and refuses other methods with 405', async () => {
    const head = await fetch(`${base}/assets/index-abc123.js`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('console.log("hi");'.length));
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await fetch(`${base}/index.html`, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      await response.arrayBuffer();
    }
  });

  it('answers a request for the missing favicon with 204, not an error', async () => {
    const response = await fetch(`${base}/favicon.ico`);
    expect(response.status).toBe(204);
  });

  it('answers plain HTTP requests to /api with 426', async () => {
    const response = await fetch(`${base}/api?token=${server.token}`);
    expect(response.status).toBe(426);
    await response.arrayBuffer();
  });
});

describe('what is never served', () => {
  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/../package.json',
    '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
  ])('%s is 404 (path traversal)', async (target) => {
    const response = await raw(target);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('do not serve me');
  });

  it.each([
    ['a symbolic link leading out', '/link-out.txt'],
    ['a hidden file', '/.env'],
    ['a directory (no listing)', '/assets'],
    ['a directory with a slash (no listing, no index)', '/assets/'],
    ['a file name with a NUL byte', '/index.html%00.js'],
    ['a malformed escape', '/%E0%A4%A'],
    ['a file with a trailing slash', '/index.html/'],
    ['a missing file', '/nothing-here.js'],
  ])('%s is 404', async (_what, target) => {
    const response = await raw(target);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('do not serve me');
    expect(response.body).not.toContain('index-abc123');
  });

  it('refuses targets that are not a path, and foreign Host names', async () => {
    expect((await raw(`http://127.0.0.1:${server.port}/index.html`)).status).toBe(400);
    const rebound = await raw('/', { host: `evil.example:${server.port}` });
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain('Neurite</body>');
    expect((await raw('/', { host: `localhost:${server.port}` })).status).toBe(421);
  });
});
