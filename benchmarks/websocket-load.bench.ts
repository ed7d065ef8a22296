/**
 * Browser mode under a classroom's load: the real API service (its own database in a temporary
 * data folder) behind the real WebSocket server, and 20 clients that each make 200 calls, one
 * after another, all clients at once. Each client has its own project; the calls cycle through
 * cheap ones a page makes all the time: projects.list, templates.list and graph.save of its own
 * network (a new revision each time, a node moved). Prints the errors (must be 0), the latency
 * of one call (from sending it to its answer) at p50, p95 and p99, and the total time.
 *
 * Run: npm run bench:websocket [-- --clients=20 --calls=200]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { createApiService } from '../src/main/services/api-service';
import { startServer } from '../src/main/server/start-server';

const flag = (name: string, fallback: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;

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
): Promise<void> {
  const graph = project.graph;
  for (let i = 0; i < calls; i += 1) {
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
    latencies.set(name, [...(latencies.get(name) ?? []), took]);
    if (!answer.ok) errors.push(`${name}: ${answer.error?.code} ${answer.error?.message}`);
  }
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const clients = Number(flag('clients', '20'));
  const calls = Number(flag('calls', '200'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'neurite-ws-bench-'));
  // The API does not need the page; the server only wants an index.html to serve.
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'neurite-ws-bench-page-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Neurite</title>');
  const service = createApiService({ dataDir, transport: 'websocket' });
  const server = await startServer({ service, rendererDir });
  const url = `ws://127.0.0.1:${server.port}/api?token=${server.token}`;
  console.log(
    `${clients} clients × ${calls} calls (projects.list, templates.list, graph.save in turn) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}.`,
  );
  const byCall = new Map<string, number[]>();
  const errors: string[] = [];
  try {
    const connected = await Promise.all(Array.from({ length: clients }, () => Client.open(url)));
    const projects = await Promise.all(connected.map((client, i) => ownProject(client, i)));
    const start = performance.now();
    await Promise.all(
      connected.map((client, i) => clientWork(client, projects[i]!, calls, byCall, errors)),
    );
    const total = performance.now() - start;
    for (const client of connected) client.close();

    const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
    const latencies = sorted([...byCall.values()].flat());
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(`Calls:  ${latencies.length}`);
    console.log(`Errors: ${errors.length}`);
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
    if (errors.length > 0) process.exitCode = 1;
  } finally {
    await server.close();
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(rendererDir, { recursive: true, force: true });
  }
}

void main();
