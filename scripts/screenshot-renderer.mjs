// Takes a screenshot of the built renderer in headless Chromium, for the README and for
// checking the UI by eye. Serves out/renderer itself, so nothing else needs to be running.
//
//   npm run build && node scripts/screenshot-renderer.mjs [output.png] [--template=id]
//
// Uses Debian's Chromium (`apt-get install -y chromium`); set CHROMIUM_PATH for another one.
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const site = path.join(root, 'out', 'renderer');
const args = process.argv.slice(2);
const output = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'docs/images/inspector.png');
const template = args.find((a) => a.startsWith('--template='))?.slice('--template='.length);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

function fail(message) {
  console.error(`screenshot-renderer: ${message}`);
  process.exit(1);
}

if (!existsSync(path.join(site, 'index.html'))) {
  fail('out/renderer/index.html is missing. Run "npm run build" first.');
}
if (!existsSync(executablePath)) {
  fail(
    `no Chromium at ${executablePath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
}

/** A minimal static server for out/renderer, bound to 127.0.0.1 on a free port. */
function serve() {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    // Browsers ask for one unprompted; the app has none (Electron never asks).
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.join(site, path.normalize(relative));
    if (!file.startsWith(site + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('Not found');
      return;
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'Content-Type': type });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const server = await serve();
const { port } = server.address();
const browser = await chromium.launch({
  executablePath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 2,
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  if (template) {
    await page
      .getByRole('button', { name: new RegExp(template, 'i') })
      .first()
      .click();
  }
  await page.locator('.inspector').first().waitFor({ timeout: 15_000 });
  if (errors.length > 0) fail(`the page reported errors:\n  ${errors.join('\n  ')}`);
  mkdirSync(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`Saved ${path.relative(process.cwd(), output)}`);
} finally {
  await browser.close();
  server.close();
}
