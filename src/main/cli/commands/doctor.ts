import os from 'node:os';
import { parseArgs } from 'node:util';
import { formatBytes } from '../../../shared/inference/memory';
import type { BackendName, BackendReport } from '../../../shared/training/backends';
import {
  activeBackendTitle,
  adapterName,
  BACKEND_TITLES,
  BACKENDS,
} from '../../../shared/training/backends';
import type { WebGpuAdapter } from '../../../shared/training/backends';
import { selectBackend } from '../../engine/backends/select-backend';
import { tf } from '../../engine/tf';
import type { CliIO } from '../io';
import { EXIT_OK, EXIT_USAGE } from '../io';

export const DOCTOR_USAGE = `Usage: neurite doctor [--json]

Says which TensorFlow.js backend training would use on this computer and, for each faster
one, why it cannot run and what to do about it; then the Node.js version, platform, CPUs and
memory. Include its output when you report a problem.
  --json   print the result as JSON instead of text
`;

export interface SystemFacts {
  readonly node: string;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  readonly osRelease: string;
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly totalMemoryBytes: number;
  readonly freeMemoryBytes: number;
  readonly tfjsVersion: string;
}

/** Details of the active backend worth knowing when comparing speeds. */
export interface BackendDetails {
  /** wasm only: whether the SIMD build runs. */
  readonly simd?: boolean;
  /** wasm only: threads (TF.js runs wasm single-threaded in Node). */
  readonly threads?: number;
}

export async function doctorCommand(args: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${DOCTOR_USAGE}`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    io.stdout(DOCTOR_USAGE);
    return EXIT_OK;
  }
  const report = await selectBackend('auto');
  const details = await backendDetails(report.active);
  const system = systemFacts();
  io.stdout(
    parsed.values.json
      ? `${JSON.stringify(doctorJson(report, details, system), null, 2)}\n`
      : formatDoctor(report, details, system),
  );
  return EXIT_OK;
}

async function backendDetails(active: BackendName): Promise<BackendDetails> {
  if (active !== 'wasm') return {};
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean;
  return { simd, threads: 1 };
}

export function systemFacts(): SystemFacts {
  const cpus = os.cpus();
  return {
    node: process.versions.node,
    platform: process.platform,
    arch: process.arch,
    osRelease: `${os.type()} ${os.release()}`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: os.availableParallelism?.() ?? cpus.length,
    totalMemoryBytes: os.totalmem(),
    freeMemoryBytes: os.freemem(),
    tfjsVersion: tf.version.tfjs,
  };
}

export function doctorJson(report: BackendReport, details: BackendDetails, system: SystemFacts) {
  return {
    backend: {
      active: report.active,
      title: activeBackendTitle(report),
      ...details,
      tried: report.tried.map((t) => ({ ...t, title: BACKEND_TITLES[t.backend] })),
    },
    system,
  };
}

/** What each backend's line says; the reasons are full sentences from selectBackend. */
function backendLines(report: BackendReport, details: BackendDetails): string[] {
  const lines: string[] = [];
  for (const backend of BACKENDS) {
    const attempt = report.tried.find((t) => t.backend === backend);
    const title = BACKEND_TITLES[backend];
    if (attempt?.available) {
      const extra =
        details.simd === undefined
          ? ''
          : ` (SIMD ${details.simd ? 'on' : 'off'}, ${details.threads} thread${details.threads === 1 ? '' : 's'})`;
      lines.push(`  ✓ ${title}`, ...adapterLines(attempt.adapter), ...wrap(`In use${extra}.`, 6));
    } else if (attempt) {
      lines.push(
        `  ✗ ${title}`,
        ...adapterLines(attempt.adapter),
        ...wrap(attempt.reason ?? 'Not available.', 6),
      );
    } else {
      lines.push(`  · ${title}`, ...wrap('Not needed: a faster backend runs.', 6));
    }
  }
  return lines;
}

/** The GPU adapter WebGPU found: its name, then vendor, architecture and device. */
function adapterLines(adapter: WebGpuAdapter | undefined): string[] {
  if (!adapter) return [];
  const facts = [
    adapter.vendor && `vendor ${adapter.vendor}`,
    adapter.architecture && `architecture ${adapter.architecture}`,
    adapter.device && `device ${adapter.device}`,
  ].filter((fact) => typeof fact === 'string' && fact.length > 0);
  return wrap(
    `Adapter: ${adapterName(adapter)}${facts.length ? ` (${facts.join(', ')})` : ''}.`,
    6,
  );
}

export function formatDoctor(
  report: BackendReport,
  details: BackendDetails,
  system: SystemFacts,
): string {
  const facts: [string, string][] = [
    ['Node.js', system.node],
    ['Platform', `${system.platform} ${system.arch} (${system.osRelease})`],
    ['CPU', `${system.cpuCount} core${system.cpuCount === 1 ? '' : 's'}, ${system.cpuModel}`],
    [
      'Memory',
      `${formatBytes(system.totalMemoryBytes)}, ${formatBytes(system.freeMemoryBytes)} free`,
    ],
    ['TensorFlow.js', system.tfjsVersion],
  ];
  const width = Math.max(...facts.map(([name]) => name.length));
  return [
    `Training runs on: ${activeBackendTitle(report)}`,
    '',
    ...backendLines(report, details),
    '',
    'This computer',
    ...facts.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`),
    '',
  ].join('\n');
}

/** Breaks a sentence into lines of at most `width` characters, indented. */
function wrap(text: string, indent: number, width = 88): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => `${' '.repeat(indent)}${l}`);
}
