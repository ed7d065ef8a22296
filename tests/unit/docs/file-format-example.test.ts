import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGraphDocument } from '../../../src/shared/graph/parse';
import { analyzeGraph } from '../../../src/shared/inference/analyze';
import { runNeurite, tempFile } from '../../fixtures/cli';

/*
 * docs/file-format.md is written for teachers who copy from it, so everything it shows must
 * still be true: its example networks are valid, its `neurite inspect` output is what the CLI
 * prints today, and every message it quotes is one Neurite really gives.
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const docPath = path.join(root, 'docs', 'file-format.md');
const examplesDir = path.join(root, 'docs', 'examples');
const digitsPath = path.join(examplesDir, 'digits-cnn.json');
const doc = readFileSync(docPath, 'utf8');

function codeBlocks(markdown: string, language: string): string[] {
  const fence = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm');
  return [...markdown.matchAll(fence)].map((m) => m[1]!);
}

/** The ```json blocks that are whole network files, not fragments of one. */
const networkBlocks = codeBlocks(doc, 'json').filter((block) => /^\{\s*"format"/.test(block));
const exampleFiles = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.json'))
  .sort();

function expectValidNetwork(text: string): void {
  const parsed = parseGraphDocument(text);
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    expect.fail(`does not parse:\n${problems}`);
  }
  const errors = analyzeGraph(parsed.document).issues.filter((i) => i.severity === 'error');
  expect(errors.map((e) => e.message)).toEqual([]);
}

describe('docs/file-format.md examples', () => {
  it('contains whole network files to check', () => {
    expect(networkBlocks.length).toBeGreaterThanOrEqual(2);
    expect(exampleFiles).toContain('digits-cnn.json');
  });

  it.each(networkBlocks.map((block, i) => [i + 1, block] as const))(
    'network block %i in the page parses and has no errors',
    (_, block) => expectValidNetwork(block),
  );

  it.each(exampleFiles)('docs/examples/%s parses and has no errors', (name) => {
    expectValidNetwork(readFileSync(path.join(examplesDir, name), 'utf8'));
  });

  it('shows docs/examples/digits-cnn.json in full', () => {
    const file = JSON.parse(readFileSync(digitsPath, 'utf8'));
    const shown = networkBlocks
      .map((block) => JSON.parse(block) as { metadata?: { name?: string } })
      .find((network) => network.metadata?.name === file.metadata.name);
    expect(shown, 'the page should show the digits example file as it is').toEqual(file);
  });

  it('shows what `neurite inspect` prints for the digits example today', async () => {
    const run = await runNeurite('inspect', digitsPath);
    expect(run.code).toBe(0);
    const name = JSON.parse(readFileSync(digitsPath, 'utf8')).metadata.name as string;
    const shown = codeBlocks(doc, 'text').find((block) => block.startsWith(`${name}\n`));
    expect(
      shown,
      'docs/file-format.md is out of date: replace its `neurite inspect` block with what `neurite inspect docs/examples/digits-cnn.json` prints now.',
    ).toBe(run.stdout);
  });
});

/* The mistakes the page walks through, each made in the digits example. */

type Network = {
  version: unknown;
  nodes: { id: string; kind: string; params?: Record<string, unknown> }[];
  edges: {
    id: string;
    source: { node: string; port: string };
    target: { node: string; port: string };
  }[];
};

function digits(change: (network: Network) => void): Network {
  const network = JSON.parse(readFileSync(digitsPath, 'utf8')) as Network;
  change(network);
  return network;
}

function node(network: Network, id: string): Network['nodes'][number] {
  return network.nodes.find((n) => n.id === id)!;
}

function params(network: Network, id: string): Record<string, unknown> {
  const found = node(network, id);
  found.params ??= {};
  return found.params;
}

const MISTAKES: Readonly<Record<string, string | Network>> = {
  'missing comma': readFileSync(digitsPath, 'utf8').replace('"version": 1,', '"version": 1'),
  'id starting with a digit': digits((n) => (node(n, 'conv').id = '1st conv')),
  'duplicate id': digits((n) => n.nodes.push({ ...node(n, 'conv') })),
  'kind with wrong capitals': digits((n) => (node(n, 'conv').kind = 'Conv2d')),
  'misspelt setting': digits((n) => {
    const dense = node(n, 'digits');
    dense.params = { unit: 10, activation: 'softmax' };
  }),
  'units out of range': digits((n) => (params(n, 'digits')['units'] = 0)),
  'choice with wrong capitals': digits((n) => (params(n, 'digits')['activation'] = 'Softmax')),
  'edge to a misspelt id': digits((n) => (n.edges[1]!.target.node = 'pol')),
  'newer version': digits((n) => (n.version = 2)),
  'no output': digits((n) => {
    n.nodes = n.nodes.filter((x) => x.kind !== 'Output');
    n.edges = n.edges.filter((e) => e.target.node !== 'output');
  }),
  'vector into Conv2D': digits((n) => (node(n, 'image').params = { form: 'vector', shape: [784] })),
  'kernel larger than the image': digits((n) => (params(n, 'conv')['kernelSize'] = 30)),
  'two connections into one input': digits((n) =>
    n.edges.push({
      id: 'extra',
      source: { node: 'pool', port: 'out' },
      target: { node: 'conv', port: 'in' },
    }),
  ),
  loop: digits((n) => {
    // Placed before the Dense, so the loop is reported starting from the Add.
    n.nodes.splice(n.nodes.indexOf(node(n, 'digits')), 0, { id: 'mix', kind: 'Add', params: {} });
    n.edges = n.edges.filter((e) => e.id !== 'e4');
    n.edges.push(
      { id: 'a1', source: { node: 'flatten', port: 'out' }, target: { node: 'mix', port: 'in1' } },
      { id: 'a2', source: { node: 'mix', port: 'out' }, target: { node: 'digits', port: 'in' } },
      { id: 'a3', source: { node: 'digits', port: 'out' }, target: { node: 'mix', port: 'in2' } },
    );
  }),
  'layer connected to nothing': digits((n) => n.nodes.push({ id: 'stray', kind: 'Dense' })),
  'far too many weights': digits((n) => (params(n, 'digits')['units'] = 200_000)),
  'sigmoid with categorical cross-entropy': digits(
    (n) => (params(n, 'digits')['activation'] = 'sigmoid'),
  ),
};

/** The problem lines `neurite inspect` prints: `✗ path: …`, `✗ error: …`, `! warning: …`. */
async function messageLines(network: string | Network): Promise<string[]> {
  const run = await runNeurite('inspect', tempFile('network.json', network));
  return `${run.stdout}\n${run.stderr}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('✗ ') || line.startsWith('! warning: '));
}

describe('messages quoted in docs/file-format.md', () => {
  const quoted = codeBlocks(doc, 'text')
    .flatMap((block) => block.split('\n'))
    .filter((line) => line.startsWith('✗ ') || line.startsWith('! warning: '));

  it('are exactly what Neurite says for each mistake the page describes', async () => {
    const produced = new Set<string>();
    const unquoted: string[] = [];
    for (const [mistake, network] of Object.entries(MISTAKES)) {
      const lines = await messageLines(network);
      lines.forEach((line) => produced.add(line));
      if (!lines.some((line) => quoted.includes(line))) {
        unquoted.push(`${mistake}:\n  ${lines.join('\n  ')}`);
      }
    }
    expect(
      unquoted,
      'docs/file-format.md no longer quotes what Neurite says for these mistakes; update the page with the new wording',
    ).toEqual([]);
    expect(
      quoted.filter((line) => !produced.has(line)),
      'docs/file-format.md quotes messages Neurite does not give (any more)',
    ).toEqual([]);
  });
});
