/**
 * How the canvas editor performs on a large network, measured in Debian's Chromium on the built
 * `neurite serve`, as a student would use it:
 *
 *  (a) frames per second while a layer of a 300-layer network is dragged with the mouse
 *      (target ≥ 30),
 *  (b) time from committing a parameter edit (Enter in the inspector) to every shape on the
 *      canvas showing the new value (target: within one frame, < 16.7 ms),
 *  (c) time from navigation start to an editable canvas: the layers drawn and the palette ready
 *      (target < 2 s), for the 300-layer project and for the XOR template.
 *
 * The 300-layer network is stored in a project of its own through the server's WebSocket API
 * (projects.create, then graph.save), exactly as the workspace's autosave stores one.
 *
 *   npm run bench:editor            # builds first if out/ is missing or older than src/
 *   npm run bench:editor -- --runs 5
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { WebSocket } from 'ws';
import type { GraphDocument } from '../src/shared/graph/document';
import { GRAPH_FORMAT, GRAPH_FORMAT_VERSION } from '../src/shared/graph/document';
import { launchBrowser, newContext } from '../tests/e2e/harness/browser';
import type { NeuriteServer } from '../tests/e2e/harness/neurite-server';
import { REPO_ROOT, startNeuriteServer } from '../tests/e2e/harness/neurite-server';

const LAYERS = 300;
const FRAME_MS = 1000 / 60;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
/** `--profile`: also print where the page spends its time during the drag and the edit. */
const profiling = process.argv.includes('--profile');

/** Input → Dense → 297 shape-keeping layers → Output: a units edit changes every shape after it. */
function bigNetwork(): GraphDocument {
  const middle = ['Activation', 'Dropout', 'BatchNorm', 'GaussianNoise'];
  const columns = 15;
  const kinds = [
    'Input',
    'Dense',
    ...Array.from({ length: LAYERS - 3 }, (_, i) => middle[i % middle.length]!),
    'Output',
  ];
  const params: Record<string, Record<string, unknown>> = {
    Input: { form: 'vector', shape: [32] },
    Dense: { units: 64, activation: 'relu' },
    Output: { task: 'regression', loss: 'meanSquaredError' },
  };
  const nodes = kinds.map((kind, i) => ({
    id: `n${i}`,
    kind,
    position: { x: (i % columns) * 260, y: Math.floor(i / columns) * 170 },
    params: params[kind] ?? {},
  }));
  const edges = nodes.slice(1).map((node, i) => ({
    id: `e${i + 1}`,
    source: { node: nodes[i]!.id, port: 'out' },
    target: { node: node.id, port: 'in' },
  }));
  return {
    format: GRAPH_FORMAT,
    version: GRAPH_FORMAT_VERSION,
    metadata: { name: 'Benchmark: 300 layers', description: '' },
    nodes,
    edges,
  };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** The benchmark measures the built app; build it when it is missing or older than src/. */
function buildIfNeeded(): void {
  const built = path.join(REPO_ROOT, 'out', 'renderer', 'index.html');
  const stale =
    !existsSync(built) || statSync(built).mtimeMs < newestMtime(path.join(REPO_ROOT, 'src'));
  if (!stale) return;
  console.log('Building the app (electron-vite build)…');
  execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
}

/** One call over the server's WebSocket API, as the page makes it. */
async function apiCall(server: NeuriteServer, call: string, input: unknown): Promise<unknown> {
  const socket = new WebSocket(
    `ws://${new URL(server.origin).host}/api?token=${encodeURIComponent(server.token)}`,
    { origin: server.origin },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return await new Promise((resolve, reject) => {
      socket.on('message', (data: Buffer) => {
        const reply = JSON.parse(data.toString('utf8')) as {
          id?: number;
          ok?: boolean;
          output?: unknown;
          error?: { message: string };
        };
        if (reply.id !== 1) return;
        if (reply.ok) resolve(reply.output);
        else reject(new Error(`${call} failed: ${reply.error?.message}`));
      });
      socket.send(JSON.stringify({ id: 1, call, input }));
    });
  } finally {
    socket.close();
  }
}

async function createBigProject(server: NeuriteServer): Promise<string> {
  const project = (await apiCall(server, 'projects.create', { name: 'Benchmark' })) as {
    id: string;
  };
  await apiCall(server, 'graph.save', { projectId: project.id, graph: bigNetwork() });
  return project.id;
}

/** Polls an expression in the page (waitForFunction's string form is refused by the page's CSP). */
async function waitInPage(page: Page, expression: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function address(server: NeuriteServer, hash: string): string {
  const url = new URL(server.url);
  url.hash = hash;
  return url.toString();
}

/**
 * (c) Navigation start to the first frame in which `layers` layers are drawn and the palette's
 * buttons are there, measured in the page by checking once per frame from the first script on.
 */
async function measureLoad(page: Page, url: string, layers: number): Promise<number> {
  await page.addInitScript(`
    (() => {
      const check = () => {
        const drawn = document.querySelectorAll('.react-flow__node .layer-node-shape').length;
        const palette = document.querySelector('.palette-item:not([disabled])');
        if (drawn >= ${layers} && palette) window.__editableAt = performance.now();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })();
  `);
  await page.goto(url);
  await waitInPage(page, 'window.__editableAt !== undefined');
  return await page.evaluate<number>('window.__editableAt');
}

/** (a) Frames drawn per second while the mouse drags a layer across the canvas. */
async function measureDrag(page: Page): Promise<{ fps: number; worstFrameMs: number }> {
  const node = page.locator('.react-flow__node[data-id="n150"]');
  const box = await node.boundingBox();
  if (!box) throw new Error('The layer to drag is not on screen.');
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.evaluate(`
    window.__frames = [];
    window.__counting = true;
    const tick = (t) => { window.__frames.push(t); if (window.__counting) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  `);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const steps = 120;
  for (let i = 1; i <= steps; i += 1) {
    const angle = (i / steps) * Math.PI * 2;
    await page.mouse.move(start.x + 150 * Math.sin(angle), start.y + 80 * (1 - Math.cos(angle)));
  }
  await page.mouse.up();
  const frames = await page.evaluate<number[]>('window.__counting = false, window.__frames');
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
  const seconds = (frames[frames.length - 1]! - frames[0]!) / 1000;
  return { fps: (frames.length - 1) / seconds, worstFrameMs: Math.max(...gaps) };
}

/**
 * (b) From the Enter that commits a new number of units to the moment every layer's shape on
 * the canvas shows it (a MutationObserver watches the shapes), and whether that was before the
 * next animation frame.
 */
interface EditTiming {
  /** Enter to every shape updated in the DOM. */
  readonly ms: number;
  /** Done before the next animation frame callback ran. */
  readonly inFrame: boolean;
  /** Enter to the next paint, from Event Timing (it rounds to 8 ms; absent under 16 ms). */
  readonly paintMs: number | undefined;
}

async function measureEdit(page: Page, units: number): Promise<EditTiming> {
  // Select the Dense with the keyboard: at this zoom its card is a few pixels tall.
  const dense = page.locator('.react-flow__node[data-id="n1"]');
  await dense.focus();
  await dense.press('Enter');
  const field = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Units', {
    exact: true,
  });
  await field.fill(String(units));
  await page.evaluate(`
    (() => {
      const want = '${units}';
      const shapes = () => [...document.querySelectorAll('.react-flow__node .layer-node-shape')];
      window.__edit = {};
      // Event Timing: how long the Enter's handlers ran, and when the next frame was painted.
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.name !== 'keydown' || window.__edit.start === undefined) continue;
          if (entry.startTime + entry.duration < window.__edit.start) continue;
          window.__edit.handlers = entry.processingEnd - entry.processingStart;
          window.__edit.painted = entry.startTime + entry.duration;
        }
      }).observe({ type: 'event', durationThreshold: 16, buffered: false });
      window.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter') return;
        window.__edit.start = performance.now();
        requestAnimationFrame(() => { window.__edit.frame ??= performance.now(); });
      }, { capture: true, once: true });
      const observer = new MutationObserver(() => {
        const all = shapes();
        // Input keeps its 32; every layer from the Dense on shows the new width.
        if (all.filter((s) => s.textContent === want).length >= all.length - 1) {
          window.__edit.done = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.querySelector('.react-flow__nodes'), {
        subtree: true, childList: true, characterData: true,
      });
    })();
  `);
  await profiled(page, 'the edit, from Enter to the shapes updated', async () => {
    await field.press('Enter');
    await waitInPage(page, 'window.__edit.done !== undefined && window.__edit.frame !== undefined');
  });
  // Event Timing reports after the paint; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const edit = await page.evaluate<{
    start: number;
    done: number;
    frame: number;
    painted?: number;
  }>('window.__edit');
  return {
    ms: edit.done - edit.start,
    inFrame: edit.done <= edit.frame,
    paintMs: edit.painted === undefined ? undefined : edit.painted - edit.start,
  };
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly dur?: number;
  readonly tid: number;
  readonly args?: { name?: string };
}

/** Main-thread time of the page by kind of work: script, style, layout, paint. */
function printTimeline(trace: { traceEvents: TraceEvent[] }): void {
  const main = trace.traceEvents.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  )?.tid;
  const totals = new Map<string, number>();
  for (const e of trace.traceEvents) {
    if (e.tid !== main || e.ph !== 'X' || !e.dur) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.log('  main thread, by kind of work (nested times overlap):');
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  }
}

interface ProfileNode {
  readonly id: number;
  readonly hitCount?: number;
  readonly children?: readonly number[];
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Runs `work` under Chromium's sampling profiler and prints the functions that took longest. */
async function profiled<T>(page: Page, label: string, work: () => Promise<T>): Promise<T> {
  if (!profiling) return work();
  const browser = page.context().browser();
  await browser?.startTracing(page, { categories: ['devtools.timeline'] });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
  };
  const perSample = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${path.basename(url)}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0) * perSample);
  }
  console.log(`  profile of ${label}, self time:`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${key}`);
  }
  // Inclusive ("total") time shows which of the app's steps the self times add up to.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map<string, number>();
  const visit = (node: ProfileNode, open: ReadonlySet<string>): number => {
    let ms = (node.hitCount ?? 0) * perSample;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${path.basename(url)}:${lineNumber + 1}`;
    const inner = new Set(open).add(key);
    for (const child of node.children ?? []) ms += visit(byId.get(child)!, inner);
    // Count a recursive function once, at its outermost call.
    if (!open.has(key)) total.set(key, (total.get(key) ?? 0) + ms);
    return ms;
  };
  visit(profile.nodes[0]!, new Set());
  console.log(`  profile of ${label}, total time of the app's functions:`);
  const own = [...total].filter(([key]) => /\.js:/.test(key) && !key.startsWith('(anonymous) :'));
  for (const [key, ms] of own.sort((a, b) => b[1] - a[1]).slice(0, 70)) {
    console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${key}`);
  }
  await cdp.detach();
  const trace = await browser?.stopTracing();
  if (trace) printTimeline(JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] });
  return result;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function main(): Promise<void> {
  buildIfNeeded();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Editor performance: ${os.cpus().length} × ${cpu}, headless Chromium, ${runs} runs`);
  const server = await startNeuriteServer();
  const browser = await launchBrowser();
  try {
    const projectId = await createBigProject(server);
    const bigUrl = address(server, `#/project/${projectId}/network`);

    const loads: number[] = [];
    const xorLoads: number[] = [];
    const drags: { fps: number; worstFrameMs: number }[] = [];
    const edits: EditTiming[] = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await newContext(browser);
      const page = await context.newPage();
      loads.push(await measureLoad(page, bigUrl, LAYERS));
      drags.push(await profiled(page, 'the drag', () => measureDrag(page)));
      edits.push(await measureEdit(page, 65 + run));
      await context.close();

      const xorContext = await newContext(browser);
      const xorPage = await xorContext.newPage();
      xorLoads.push(await measureLoad(xorPage, address(server, '#/editor/xor-mlp'), 4));
      await xorContext.close();
    }

    const fps = drags.map((d) => d.fps);
    const editMs = edits.map((e) => e.ms);
    console.log('');
    console.log(`(a) drag a layer, ${LAYERS} layers:  ${fps.map((v) => fmt(v)).join(', ')} fps`);
    console.log(
      `    median ${fmt(median(fps))} fps (target ≥ 30); worst frame ${fmt(Math.max(...drags.map((d) => d.worstFrameMs)))} ms`,
    );
    console.log(
      `(b) edit units → all ${LAYERS} shapes: ${editMs.map((v) => fmt(v)).join(', ')} ms; median ${fmt(median(editMs))} ms (target < ${fmt(FRAME_MS)} ms); before the next frame in ${edits.filter((e) => e.inFrame).length}/${edits.length} runs`,
    );
    const paints = edits.map((e) => e.paintMs);
    console.log(
      `    Enter to next paint (Event Timing; "<16" when it reported none): ${paints.map((v) => (v === undefined ? '<16' : fmt(v, 0))).join(', ')} ms`,
    );
    console.log(
      `(c) load to editable canvas, ${LAYERS} layers: ${loads.map((v) => fmt(v, 0)).join(', ')} ms; median ${fmt(median(loads), 0)} ms (target < 2000 ms)`,
    );
    console.log(
      `    load to editable canvas, XOR (4 layers): ${xorLoads.map((v) => fmt(v, 0)).join(', ')} ms; median ${fmt(median(xorLoads), 0)} ms`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
