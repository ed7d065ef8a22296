import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { WebGpuAdapter } from '../../../shared/training/backends';
import type { GpuAdapterInfo } from './explain-webgpu';
import { adapterFacts, explainNoWebGpuAdapter } from './explain-webgpu';
import { nodeRequire } from './node-require';

export const DAWN_PACKAGE = 'webgpu';

export type WebGpuProbe =
  | { readonly ok: true; readonly facts: WebGpuAdapter }
  | { readonly ok: false; readonly reason: string };

/** What the child prints: how far it got, and the adapter's facts when it found one. */
type ProbeOutput =
  | { readonly stage: 'load' | 'create'; readonly message: string }
  | { readonly stage: 'adapter' }
  | {
      readonly stage: 'found';
      readonly info: GpuAdapterInfo;
      readonly isFallbackAdapter?: boolean;
    };

/**
 * The child's program: load Dawn from the file the parent resolved, ask for the adapter
 * Neurite would use, print what it found as one JSON object and exit (Dawn's threads would
 * otherwise keep the process alive).
 */
const PROBE_PROGRAM = `
const print = (value) => process.stdout.write(JSON.stringify(value), () => process.exit(0));
const firstLine = (error) => String(error?.message ?? error).split('\\n')[0];
let dawn;
try {
  dawn = await import(process.env.NEURITE_DAWN_URL);
} catch (error) {
  print({ stage: 'load', message: firstLine(error) });
}
if (dawn) {
  let gpu;
  try {
    gpu = dawn.create([]);
  } catch (error) {
    print({ stage: 'create', message: firstLine(error) });
  }
  const adapter = gpu && (await gpu.requestAdapter({ powerPreference: 'high-performance' }));
  if (gpu && !adapter) print({ stage: 'adapter' });
  if (adapter) {
    const { vendor, architecture, device, description, isFallbackAdapter } = adapter.info;
    print({
      stage: 'found',
      info: { vendor, architecture, device, description, isFallbackAdapter },
      isFallbackAdapter: adapter.isFallbackAdapter,
    });
  }
}
`;

/** Long enough for a slow driver's first start; a hung driver must not hold training up. */
const PROBE_TIMEOUT_MS = 30_000;

let probe: Promise<WebGpuProbe> | undefined;

/**
 * Which adapter Dawn (the `webgpu` package) offers, asked once per process in a short-lived
 * child process. Automatic backend selection asks here first and loads Dawn into its own
 * process only for a hardware adapter it will use: loaded, Dawn keeps about 64 MB of the
 * process's memory, and on a software adapter (lavapipe) it writes warnings to standard error
 * from native code, which Node cannot silence and a student would read at the top of
 * `neurite doctor`. The child's standard error is not passed on.
 */
export function probeWebGpuAdapter(): Promise<WebGpuProbe> {
  probe ??= runProbe();
  return probe;
}

async function runProbe(): Promise<WebGpuProbe> {
  let dawnUrl: string;
  try {
    dawnUrl = pathToFileURL(nodeRequire.resolve(DAWN_PACKAGE)).href;
  } catch (error) {
    return { ok: false, reason: dawnNotLoaded((error as Error).message) };
  }
  const output = await new Promise<{ stdout: string; failure?: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', PROBE_PROGRAM],
      {
        // In Electron's utility process execPath is Electron itself: run it as Node.
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NEURITE_DAWN_URL: dawnUrl },
        timeout: PROBE_TIMEOUT_MS,
        windowsHide: true,
      },
      (error, stdout) => {
        if (!error) return resolve({ stdout });
        const ended = error as Error & {
          killed?: boolean;
          signal?: string | null;
          code?: number | string | null;
        };
        resolve({
          stdout,
          failure: ended.killed
            ? `it did not answer within ${PROBE_TIMEOUT_MS / 1000} s`
            : `it stopped with ${ended.signal ?? `exit code ${String(ended.code)}`}`,
        });
      },
    );
  });
  let found: ProbeOutput;
  try {
    found = JSON.parse(output.stdout) as ProbeOutput;
  } catch {
    const why = output.failure ?? 'it gave no answer';
    return {
      ok: false,
      reason: explainNoWebGpuAdapter(
        process.platform,
        `the GPU driver failed while WebGPU looked for a GPU: ${why}`,
      ),
    };
  }
  switch (found.stage) {
    case 'load':
      return { ok: false, reason: dawnNotLoaded(found.message) };
    case 'create':
      return { ok: false, reason: explainNoWebGpuAdapter(process.platform, found.message) };
    case 'adapter':
      return { ok: false, reason: explainNoWebGpuAdapter(process.platform) };
    case 'found':
      return { ok: true, facts: adapterFacts(found) };
  }
}

export function dawnNotLoaded(detail: string): string {
  return `The ${DAWN_PACKAGE} package (WebGPU for Node.js) could not be loaded (${detail.split('\n')[0]}); reinstall Neurite.`;
}
