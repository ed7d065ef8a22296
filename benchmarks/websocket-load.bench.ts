/**
 * Browser mode under a classroom's load: the real API service (its own database in a temporary
 * data folder) behind the real WebSocket server, and 20 clients that each make 200 calls, one
 * after another, all clients at once. Each client has its own project; the calls cycle through
 * cheap ones a page makes all the time: projects.list, templates.list and graph.save of its own
 * network (a new revision each time, a node moved). Prints the errors (must be 0), the latency
 * of one call (from sending it to its answer) at p50, p95 and p99, and the total time.
 *
 * With --training=N, N XOR runs (long ones) are started first, each in its own project, as a
 * classroom's students press Train together, and the calls are made while they train; the
 * script waits until the runs allowed to train have started, then prints how many trainer
 * processes were alive at most and their memory (Linux). --max-runs=M sets how many may train
 * at once (default: NEURITE_MAX_RUNS, else one per core), to compare with no queue.
 *
 * --time-limit=S stops the clients' calls after S seconds (default 600) and says how many
 * were made.
 *
 * Run: npm run bench:websocket [-- --clients=20 --calls=200 --training=12 --max-runs=12]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { createApiService } from '../src/main/services/api-service';
import type { ApiService } from '../src/main/services/api-service';
import { defaultMaxRuns } from '../src/main/services/run-limit';
import { forkWorkerLauncher } from '../src/main/services/workers/worker-launcher';
import type { WorkerLauncher } from '../src/main/services/workers/worker-launcher';
import { startServer } from '../src/main/server/start-server';

const flag = (name: string, fallback: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

interface Answer {
  readonly id: number;
  readonly ok: boolean;
  readonly output?: unknown;
  readonly error?: { code: string; message: string };
}

/** One connection, as a page opens it: answers are matched to requests by id. */
class Client {
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: Answer) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as Partial<Answer>;
      // Events (project.changed, for every client) have no id.
      if (typeof message.id !== 'number') return;
      this.waiting.get(message.id)?.(message as Answer);
      this.waiting.delete(message.id);
    });
  }

  static open(url: string): Promise<Client> {
    const socket = new WebSocket(url);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new Client(socket)));
      socket.once('error', reject);
    });
  }

  call(call: string, input: unknown): Promise<Answer> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.socket.send(JSON.stringify({ id, call, input }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

interface GraphWithNodes {
  nodes: { position: { x: number; y: number } }[];
}

async function ownProject(
  client: Client,
  index: number,
): Promise<{ id: string; graph: GraphWithNodes }> {
  const created = await client.call('projects.create', {
    name: `Student ${index + 1}`,
    template: 'xor-mlp',
  });
  if (!created.ok) throw new Error(`projects.create failed: ${created.error?.message}`);
  return created.output as { id: string; graph: GraphWithNodes };
}

async function clientWork(
  client: Client,
  project: { id: string; graph: GraphWithNodes },
  calls: number,
  latencies: Map<string, number[]>,
  errors: string[],
  deadline: number,
): Promise<void> {
  const graph = project.graph;
  for (let i = 0; i < calls && performance.now() < deadline; i += 1) {
    let name: string;
    let input: unknown;
    switch (i % 3) {
      case 0:
        [name, input] = ['projects.list', {}];
        break;
      case 1:
        [name, input] = ['templates.list', {}];
        break;
      default:
        graph.nodes[0]!.position.x += 1;
        [name, input] = ['graph.save', { projectId: project.id, graph }];
    }
    const start = performance.now();
    const answer = await client.call(name, input);
    const took = performance.now() - start;
    const own = latencies.get(name) ?? [];
    own.push(took);
    latencies.set(name, own);
    if (!answer.ok) errors.push(`${name}: ${answer.error?.code} ${answer.error?.message}`);
  }
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** What the clients' process reports: each call's latency by name, the errors, the time. */
interface ClientsResult {
  readonly byCall: [string, number[]][];
  readonly errors: string[];
  readonly totalMs: number;
  /** Clients whose last call had no answer 30 s after the time limit. */
  readonly unanswered: number;
}

/**
 * The clients, in a process of their own as a classroom's browsers are: they must not share
 * the server's event loop (parsing every event for 20 sockets would be counted as the
 * server's time). They connect and make their projects, say 'ready', and on 'go' make the
 * calls and send back what they measured.
 */
async function clientsMain(url: string, clients: number, calls: number): Promise<void> {
  const connected = await Promise.all(Array.from({ length: clients }, () => Client.open(url)));
  const projects = await Promise.all(connected.map((client, i) => ownProject(client, i)));
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    process.send!('ready');
  });
  const byCall = new Map<string, number[]>();
  const errors: string[] = [];
  const start = performance.now();
  const deadline = start + Number(flag('time-limit', '600')) * 1000;
  let finished = 0;
  const work = Promise.all(
    connected.map(async (client, i) => {
      await clientWork(client, projects[i]!, calls, byCall, errors, deadline);
      finished += 1;
    }),
  );
  // A call still unanswered 30 s after the time limit is counted as such, not waited for.
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    work,
    new Promise((resolve) => (timer = setTimeout(resolve, deadline + 30_000 - start))),
  ]);
  clearTimeout(timer);
  const totalMs = performance.now() - start;
  for (const client of connected) client.close();
  const result: ClientsResult = {
    byCall: [...byCall],
    errors,
    totalMs,
    unanswered: clients - finished,
  };
  process.send!(result, () => process.disconnect());
}

async function main(): Promise<void> {
  const clients = Number(flag('clients', '20'));
  const calls = Number(flag('calls', '200'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'neurite-ws-bench-'));
  // The API does not need the page; the server only wants an index.html to serve.
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'neurite-ws-bench-page-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Neurite</title>');
  const training = Number(flag('training', '0'));
  const maxRuns = Number(flag('max-runs', String(defaultMaxRuns())));
  const trainers = trainerWatch();
  const service = createApiService({
    dataDir,
    transport: 'websocket',
    maxRuns,
    launchWorker: trainers.launch,
  });
  const server = await startServer({ service, rendererDir });
  const url = `ws://127.0.0.1:${server.port}/api?token=${server.token}`;
  console.log(
    `${clients} clients × ${calls} calls (projects.list, templates.list, graph.save in turn) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}.`,
  );
  const child = fork(fileURLToPath(import.meta.url), [
    '--role=clients',
    `--url=${url}`,
    `--clients=${clients}`,
    `--calls=${calls}`,
    `--time-limit=${flag('time-limit', '600')}`,
  ]);
  const nextMessage = () =>
    new Promise<unknown>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`The clients' process ended (${code}).`)));
    });
  try {
    await nextMessage(); // 'ready': connected, with a project each
    if (training > 0) {
      await startTraining(service, training, Math.min(training, maxRuns));
      console.log(
        `While ${training} XOR runs train or wait (at most ${maxRuns} at once): ${trainers.alive()} trainer processes, ${trainers.rssMb().toFixed(0)} MB.`,
      );
    }
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    let trainingEvents = 0;
    const eventTypes = new Map<string, number>();
    const stopCounting = service.onEvent((name, payload) => {
      if (name !== 'training.event') return;
      trainingEvents += 1;
      const { type } = (payload as { event: { type: string } }).event;
      eventTypes.set(type, (eventTypes.get(type) ?? 0) + 1);
    });
    const answered = nextMessage();
    child.send('go');
    const { byCall, errors, totalMs: total, unanswered } = (await answered) as ClientsResult;
    stopCounting();
    loop.disable();

    const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
    const latencies = sorted(byCall.flatMap(([, values]) => values));
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `Calls:  ${latencies.length}${latencies.length < clients * calls ? ` of ${clients * calls}: the time limit ended the rest` : ''}`,
    );
    console.log(`Errors: ${errors.length}`);
    if (unanswered > 0) console.log(`Unanswered 30 s after the time limit: ${unanswered} calls`);
    for (const error of errors.slice(0, 5)) console.log(`  ${error}`);
    console.log(`p50:    ${ms(percentile(latencies, 50))}`);
    console.log(`p95:    ${ms(percentile(latencies, 95))}`);
    console.log(`p99:    ${ms(percentile(latencies, 99))}`);
    console.log(`max:    ${ms(latencies.at(-1)!)}`);
    for (const [name, values] of byCall) {
      const own = sorted(values);
      console.log(
        `  ${name}: p50 ${ms(percentile(own, 50))}, p95 ${ms(percentile(own, 95))}, p99 ${ms(percentile(own, 99))}`,
      );
    }
    console.log(
      `Total:  ${(total / 1000).toFixed(2)} s (${Math.round(latencies.length / (total / 1000))} calls/s)`,
    );
    console.log(
      `Server's event loop delay: p50 ${ms(loop.percentile(50) / 1e6)}, p99 ${ms(loop.percentile(99) / 1e6)}, max ${ms(loop.max / 1e6)}`,
    );
    if (training > 0) {
      console.log(
        `Training events during the calls: ${trainingEvents} (${Math.round(trainingEvents / (total / 1000))}/s, each stored and sent to every client): ${[...eventTypes].map(([type, count]) => `${count} ${type}`).join(', ')}.`,
      );
      console.log(
        `Trainer processes at most: ${trainers.most.count}, ${trainers.most.rssMb.toFixed(0)} MB together.`,
      );
    }
    if (errors.length > 0 || unanswered > 0) process.exitCode = 1;
  } finally {
    if (child.exitCode === null) child.kill();
    trainers.stop();
    await server.close();
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(rendererDir, { recursive: true, force: true });
  }
}

/** The real launcher, watching the trainer processes alive and their memory (from /proc). */
function trainerWatch() {
  const real = forkWorkerLauncher();
  const pids = new Set<number>();
  const rssOf = (pid: number) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  const rssMb = () => [...pids].reduce((sum, pid) => sum + rssOf(pid), 0);
  const most = { count: 0, rssMb: 0 };
  const timer = setInterval(() => {
    most.count = Math.max(most.count, pids.size);
    most.rssMb = Math.max(most.rssMb, rssMb());
  }, 200);
  const launch: WorkerLauncher = () => {
    const channel = real();
    const pid = channel.pid;
    if (pid !== undefined) {
      pids.add(pid);
      channel.onClose(() => pids.delete(pid));
    }
    return channel;
  };
  return { launch, most, alive: () => pids.size, rssMb, stop: () => clearInterval(timer) };
}

/** Starts `runs` long XOR runs, one project each, and waits until `training` have started. */
async function startTraining(service: ApiService, runs: number, training: number): Promise<void> {
  let started = 0;
  const allStarted = new Promise<void>((resolve) => {
    const off = service.onEvent((name, payload) => {
      const { event } = payload as { event: { type: string } };
      if (name === 'training.event' && event.type === 'started') started += 1;
      if (started >= training) {
        off();
        resolve();
      }
    });
  });
  for (let i = 0; i < runs; i += 1) {
    const created = await service.handle('projects.create', {
      name: `Training ${i + 1}`,
      template: 'xor-mlp',
    });
    if (!created.ok) throw new Error(created.error.message);
    const begun = await service.handle('training.start', {
      projectId: (created.output as { id: string }).id,
      data: { source: 'builtin', name: 'xor' },
      config: {
        epochs: 100_000,
        batchSize: 4,
        validation: { kind: 'none' },
        optimizer: { type: 'adam', learningRate: 0.05 },
      },
      backend: 'auto',
    });
    if (!begun.ok) throw new Error(begun.error.message);
  }
  await allStarted;
}

if (flag('role', 'server') === 'clients') {
  void clientsMain(flag('url', ''), Number(flag('clients', '20')), Number(flag('calls', '200')));
} else {
  void main();
}
