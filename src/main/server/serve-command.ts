import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIO } from '../cli/io';
import { EXIT_OK, EXIT_USAGE } from '../cli/io';
import { createApiService } from '../services/api-service';
import { installLastResort } from '../services/last-resort';
import type { ApiService } from '../services/api-service';
import { defaultDataDir } from '../services/data-dir';
import { MAX_RUNS_VARIABLE, readMaxRuns } from '../services/run-limit';
import { startServer } from './start-server';

export const SERVE_USAGE = `Usage: neurite serve [--port N] [--data-dir DIR] [--max-runs N]

Runs Neurite in a web browser on this computer: serves the app on 127.0.0.1 and prints the
address to open. The address carries a session token; connections without it are refused.
Stop it with Ctrl+C.
  --port N         the port to listen on (default: any free port)
  --data-dir DIR   where projects and runs are kept (default: ${defaultDataDir()})
  --max-runs N     how many runs may train at once; more wait for a free core
                   (default: $${MAX_RUNS_VARIABLE}, else one per CPU core)
`;

/**
 * The built page: out/renderer beside out/main. This module is bundled into out/main, or into
 * out/main/chunks when it is loaded lazily, as the CLI does.
 */
export function builtRendererDir(moduleDir: string = __dirname): string {
  const mainDir = path.basename(moduleDir) === 'chunks' ? path.dirname(moduleDir) : moduleDir;
  return path.join(mainDir, '../renderer');
}

/** Resolves on the first Ctrl+C or SIGTERM; a second one ends the process at once. */
export function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function serveCommand(
  args: readonly string[],
  io: CliIO,
  untilStopped: () => Promise<unknown> = stopSignal,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'max-runs': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${SERVE_USAGE}`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.stdout(SERVE_USAGE);
    return EXIT_OK;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || values.port?.trim() === '') {
    io.stderr(`--port must be a whole number from 0 to 65535, not "${values.port}".\n`);
    return EXIT_USAGE;
  }
  const maxRuns = values['max-runs'] === undefined ? undefined : readMaxRuns(values['max-runs']);
  if (typeof maxRuns === 'object') {
    io.stderr(`--max-runs: ${maxRuns.problem}\n`);
    return EXIT_USAGE;
  }
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());

  let service: ApiService;
  try {
    mkdirSync(dataDir, { recursive: true });
    service = createApiService({
      dataDir,
      transport: 'websocket',
      ...(maxRuns === undefined ? {} : { maxRuns }),
    });
  } catch (error) {
    io.stderr(`Could not open the data folder ${dataDir}: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  let server;
  try {
    server = await startServer({ service, rendererDir: builtRendererDir(), port });
  } catch (error) {
    await service.close();
    io.stderr(`${(error as Error).message}\n`);
    return EXIT_USAGE;
  }

  const removeLastResort = installLastResort(service, dataDir);
  io.stdout(
    `Neurite is running. Open this address in a web browser on this computer:\n\n` +
      `  ${server.url}\n\n` +
      `Projects are kept in ${dataDir}\nPress Ctrl+C to stop.\n`,
  );
  await untilStopped();
  io.stdout('Stopping Neurite…\n');
  await server.close();
  await service.close();
  removeLastResort();
  return EXIT_OK;
}
