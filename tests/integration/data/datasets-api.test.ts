import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { ApiService } from '../../../src/main/services/api-service';
import { EditorHistory } from '../../../src/renderer/src/editor/model/history';
import type { ApiOutput } from '../../../src/shared/api/contract';
import type { FitEdit } from '../../../src/shared/data/dataset-preview';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { nodeDisplayName } from '../../../src/shared/graph/document';
import { parseGraphDocumentOrThrow } from '../../../src/shared/graph/parse';
import { apiServices, callService } from '../../fixtures/api-service';
import { fixture } from './temp-folder';

/** The data panel's calls through the real API service, with real data sets and files. */

type Preview = ApiOutput<'datasets.preview'>;

const open = apiServices();
const call = callService;

async function refusal(service: ApiService, name: string, input: unknown) {
  const result = await service.handle(name, input);
  if (result.ok) throw new Error(`${name} should have been refused`);
  return result.error;
}

function template(id: string): unknown {
  return JSON.parse(readFileSync(path.join('resources', 'templates', `${id}.json`), 'utf8'));
}

const preview = (service: ApiService, data: unknown, graph?: unknown) =>
  call<Preview>(service, 'datasets.preview', graph === undefined ? { data } : { data, graph });

function png(size: number, gray: number): Buffer {
  const image = new PNG({ width: size, height: size });
  for (let p = 0; p < size * size; p += 1) image.data.set([gray, gray, gray, 255], p * 4);
  return PNG.sync.write(image);
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('datasets.preview', () => {
  it('shows the XOR gate as a scatter of its four points that fits the XOR network', async () => {
    const { service } = open();
    const result = await preview(service, { source: 'builtin', name: 'xor' }, template('xor-mlp'));
    expect(result.preview).toMatchObject({ kind: 'scatter', total: 4 });
    if (result.preview.kind !== 'scatter') return;
    const points = result.preview.points.map((p) => `${p.x},${p.y}→${p.label}`).sort();
    expect(points).toEqual(['0,0→0', '0,1→1', '1,0→1', '1,1→0']);
    expect(result.classBalance).toEqual([
      { name: '0', count: 2 },
      { name: '1', count: 2 },
    ]);
    expect(result.fit).toEqual({ status: 'fits', ok: true, problems: [], notes: [] });
  });

  it('says Iris does not fit a 2-input network, naming the Input and the Dense to change', async () => {
    const { service } = open();
    const result = await preview(service, { source: 'builtin', name: 'iris' }, template('xor-mlp'));
    expect(result.fit.status).toBe('mismatch');
    expect(result.fit.ok).toBe(false);
    const [input, output] = result.fit.problems;
    expect(input?.message).toMatch(
      /gives examples of shape 4 .*, but Input "Two bits" expects 2\.$/,
    );
    expect(input?.fix).toBe('Set the shape of Input "Two bits" to [4].');
    expect(output?.message).toContain('3 classes');
    expect(output?.fix).toBe('Set Dense "Prediction" to 3 units, one per class.');
    expect(result.preview).toMatchObject({ kind: 'table', rowCount: 150 });
    expect(result.classBalance?.map((c) => c.count)).toEqual([50, 50, 50]);
  });

  it('accepts Iris with the softmax regression network', async () => {
    const { service } = open();
    const result = await preview(
      service,
      { source: 'builtin', name: 'iris' },
      template('softmax-regression'),
    );
    expect(result.fit).toMatchObject({ status: 'fits', ok: true, problems: [] });
  });

  it('shows MNIST as labelled 28×28 gray images of every digit, read flat by an MLP', async () => {
    const { service } = open();
    const data = { source: 'builtin', name: 'mnist', limit: 200 };
    const mlp = await preview(service, data, template('mnist-deep-mlp'));
    expect(mlp.info.count).toBe(200);
    expect(mlp.preview).toMatchObject({ kind: 'images', width: 28, height: 28, channels: 1 });
    if (mlp.preview.kind !== 'images') return;
    expect(mlp.preview.items).toHaveLength(32);
    expect(new Set(mlp.preview.items.map((i) => i.label)).size).toBe(10);
    for (const item of mlp.preview.items) {
      const bytes = Buffer.from(item.pixels, 'base64');
      expect(bytes).toHaveLength(784);
      // Real digits: dark background with some bright ink.
      expect(Math.max(...bytes)).toBeGreaterThan(200);
      expect(bytes.filter((b) => b === 0).length).toBeGreaterThan(300);
    }
    expect(mlp.classBalance?.reduce((sum, c) => sum + c.count, 0)).toBe(200);
    expect(mlp.fit.ok).toBe(true);
    expect(mlp.fit.notes).toEqual([
      'Each 28×28×1 example is read as one list of 784 values, as Input "28×28 digit as 784 pixels" expects.',
    ]);
    const cnn = await preview(service, data, template('mnist-small-cnn'));
    expect(cnn.fit).toMatchObject({ ok: true, notes: [] });
  });

  it('tells an image network how to read MNIST when its Input is 32×32 colour', async () => {
    const { service } = open();
    const result = await preview(
      service,
      { source: 'builtin', name: 'mnist', limit: 20 },
      template('conv-relu-pool'),
    );
    expect(result.fit.ok).toBe(false);
    expect(result.fit.problems[0]?.fix).toMatch(/^Set the shape of Input ".*" to \[28, 28, 1\]\.$/);
  });

  it('shows a few sine windows as sequences and checks them against a recurrent network', async () => {
    const { service } = open();
    const result = await preview(
      service,
      { source: 'builtin', name: 'sine' },
      template('simple-rnn-sequence'),
    );
    expect(result.preview.kind).toBe('series');
    if (result.preview.kind !== 'series') return;
    expect(result.preview.steps).toBe(20);
    expect(result.preview.items.length).toBeGreaterThan(2);
    expect(result.preview.items[0]?.lines[0]).toHaveLength(20);
    expect(result.preview.items[0]?.label).toMatch(/^next value -?\d/);
    expect(result.classBalance).toBeUndefined();
    expect(result.fit.ok).toBe(true);
  });

  it('says a regression Output does not take classes, and what to set instead', async () => {
    const { service } = open();
    const result = await preview(
      service,
      { source: 'builtin', name: 'parity', steps: 20 },
      template('simple-rnn-sequence'),
    );
    expect(result.fit.problems).toHaveLength(1);
    expect(result.fit.problems[0]?.message).toContain('is set to regression');
    expect(result.fit.problems[0]?.fix).toMatch(
      /^Set the task of Output ".*" to classification and its loss to Categorical cross-entropy\.$/,
    );
  });

  it('leaves the fit unchecked without a network, or with an empty one', async () => {
    const { service } = open();
    const none = await preview(service, { source: 'builtin', name: 'and' });
    expect(none.fit).toEqual({ status: 'unchecked', ok: false, problems: [], notes: [] });
    const empty = await preview(
      service,
      { source: 'builtin', name: 'and' },
      { format: 'neurite-graph', version: 1, nodes: [], edges: [] },
    );
    expect(empty.fit.status).toBe('unchecked');
    expect(empty.fit.problems[0]?.fix).toContain('Add an Input');
  });

  it('previews a CSV file as its own rows, with the target column the user picked', async () => {
    const { service } = open();
    const file = fixture('iris-slice.csv');
    const species = await preview(
      service,
      { source: 'csv', path: file, target: 'species' },
      template('softmax-regression'),
    );
    expect(species.info.task).toBe('classification');
    expect(species.preview).toMatchObject({
      kind: 'table',
      columns: ['species', 'sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
      rowCount: 30,
    });
    if (species.preview.kind !== 'table') return;
    expect(species.preview.rows[0]).toEqual(['setosa', '5.1', '3.5', '1.4', '0.2']);
    expect(species.classBalance).toEqual([
      { name: 'setosa', count: 10 },
      { name: 'versicolor', count: 10 },
      { name: 'virginica', count: 10 },
    ]);
    expect(species.fit.ok).toBe(true);

    // Without a pick the last column is the target: a measurement, so a regression.
    const last = await preview(service, { source: 'csv', path: file }, template('xor-mlp'));
    expect(last.info.task).toBe('regression');
    expect(last.fit.ok).toBe(false);
    expect(last.fit.problems.map((p) => p.fix)).toContain(
      'Set the task of Output "Prediction" to regression and its loss to Mean squared error (MSE).',
    );
  });

  it('refuses a file that is not there with the loader’s message', async () => {
    const { service } = open();
    const error = await refusal(service, 'datasets.preview', {
      data: { source: 'csv', path: '/no/such/file.csv' },
    });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe(
      'There is no file at /no/such/file.csv. Check the path, or pick the file again.',
    );
  });
});

/**
 * Applies every fix that comes as an edit, the way the workspace does (one batch of setParams
 * through the editor's history), and checks again, until the data set fits or no fix is left
 * to apply. Returns the edits of each round and the last check.
 */
async function applyFixesUntilFit(service: ApiService, data: unknown, graph: GraphDocument) {
  const history = new EditorHistory(graph);
  const rounds: FitEdit[][] = [];
  for (;;) {
    const result = await preview(service, data, history.document);
    const edits = result.fit.problems.flatMap((p) => (p.edit ? [p.edit] : []));
    if (result.fit.ok || edits.length === 0 || rounds.length === 5) {
      return { history, rounds, fit: result.fit };
    }
    rounds.push(edits);
    const applied = history.apply({
      type: 'batch',
      changes: edits.map((e) => ({ type: 'setParams' as const, id: e.nodeId, params: e.params })),
    });
    expect(applied).toMatchObject({ ok: true });
  }
}

const nodeParams = (graph: GraphDocument, name: string) =>
  graph.nodes.find((n) => nodeDisplayName(n) === name)?.params;

describe('applying the fit check’s fixes', () => {
  it('makes Iris fit the XOR network with one round: 4 inputs and 3 units', async () => {
    const { service } = open();
    const xor = parseGraphDocumentOrThrow(template('xor-mlp'));
    const { history, rounds, fit } = await applyFixesUntilFit(
      service,
      { source: 'builtin', name: 'iris' },
      xor,
    );
    expect(fit).toMatchObject({ status: 'fits', ok: true, problems: [] });
    const [input, dense] = rounds[0] ?? [];
    expect(rounds).toHaveLength(1);
    expect(input?.params).toEqual({ shape: [4] });
    expect(dense?.params).toEqual({ units: 3 });
    expect(nodeParams(history.document, 'Input "Two bits"')).toMatchObject({ shape: [4] });
    expect(nodeParams(history.document, 'Dense "Prediction"')).toMatchObject({ units: 3 });
    // The template's sigmoid and binary cross-entropy stay: with one output per class the
    // trainer reads them one-vs-rest, so nothing else has to change for training to start.
    const output = history.document.nodes.find((n) => n.kind === 'Output');
    expect(output?.params).toMatchObject({ loss: 'binaryCrossentropy' });
    // One undo step takes both edits back.
    history.undo();
    expect(history.document).toEqual(xor);
  });

  it('makes MNIST fit an MLP whose Input expects another size, by reading each digit flat', async () => {
    const { service } = open();
    const mlp = parseGraphDocumentOrThrow(template('mnist-deep-mlp'));
    const input = mlp.nodes.find((n) => n.kind === 'Input')!;
    const narrow: GraphDocument = {
      ...mlp,
      nodes: mlp.nodes.map((n) =>
        n === input ? { ...n, params: { ...n.params, shape: [100] } } : n,
      ),
    };
    const data = { source: 'builtin', name: 'mnist', limit: 50 };
    const { history, rounds, fit } = await applyFixesUntilFit(service, data, narrow);
    expect(rounds).toEqual([[{ nodeId: input.id, params: { shape: [784] } }]]);
    expect(fit.ok).toBe(true);
    expect(fit.notes[0]).toContain('read as one list of 784 values');
    expect(history.document.nodes.find((n) => n.id === input.id)?.params).toEqual(input.params);
  });

  it('makes MNIST fit a CNN made for 32×32 colour images', async () => {
    const { service } = open();
    const cnn = parseGraphDocumentOrThrow(template('conv-relu-pool'));
    const data = { source: 'builtin', name: 'mnist', limit: 20 };
    const { history, rounds, fit } = await applyFixesUntilFit(service, data, cnn);
    expect(fit).toMatchObject({ status: 'fits', ok: true });
    expect(rounds[0]?.[0]?.params).toEqual({ shape: [28, 28, 1] });
    const input = history.document.nodes.find((n) => n.kind === 'Input');
    expect(input?.params).toMatchObject({ form: 'image', shape: [28, 28, 1] });
  });

  it('turns a regression Output into a classifier for parity, leaving the two-layer choice to the student', async () => {
    const { service } = open();
    const rnn = parseGraphDocumentOrThrow(template('simple-rnn-sequence'));
    const data = { source: 'builtin', name: 'parity', steps: 20 };
    const { history, rounds, fit } = await applyFixesUntilFit(service, data, rnn);
    expect(rounds[0]?.[0]?.params).toEqual({
      task: 'classification',
      loss: 'categoricalCrossentropy',
    });
    const output = history.document.nodes.find((n) => n.kind === 'Output');
    expect(output?.params).toMatchObject({ task: 'classification' });
    // What remains changes the loss on the Output and the activation on the Dense (or the
    // Dense's units): a choice across two layers, so it is left as words, not an edit.
    expect(rounds).toHaveLength(1);
    expect(fit.status).toBe('mismatch');
    expect(fit.problems).toHaveLength(1);
    expect(fit.problems[0]?.message).toContain('2 classes, but the network ends with 1 value');
    expect(fit.problems[0]?.fix).toMatch(/^Set the loss of Output ".*" to Binary cross-entropy/);
    expect(fit.problems[0]?.edit).toBeUndefined();
  });
});

describe('datasets.table', () => {
  it('lists a CSV file’s columns and first rows for the target picker', async () => {
    const { service } = open();
    const table = await call<ApiOutput<'datasets.table'>>(service, 'datasets.table', {
      path: fixture('iris-slice.csv'),
    });
    expect(table.columns).toEqual([
      'species',
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
    ]);
    expect(table).toMatchObject({ delimiter: ',', hasHeader: true, rowCount: 30 });
    expect(table.rows).toHaveLength(30);
  });
});

describe('datasets.upload', () => {
  it('stores an uploaded CSV in the data folder, where it previews like any file', async () => {
    const { service, dataDir } = open();
    const bytes = await readFile(fixture('iris-slice.csv'));
    const stored = await call<ApiOutput<'datasets.upload'>>(service, 'datasets.upload', {
      fileName: 'iris-slice.csv',
      base64: base64(bytes),
    });
    expect(stored.kind).toBe('csv');
    expect(path.dirname(path.dirname(stored.path))).toBe(path.join(dataDir, 'uploads'));
    expect(path.basename(stored.path)).toBe('iris-slice.csv');
    expect(readFileSync(stored.path)).toEqual(bytes);
    const result = await preview(service, { source: 'csv', path: stored.path, target: 'species' });
    expect(result.info.count).toBe(30);
  });

  it('refuses a Word document, naming it and what can be imported, and stores nothing', async () => {
    const { service, dataDir } = open();
    const error = await refusal(service, 'datasets.upload', {
      fileName: 'report.docx',
      base64: base64(zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document/>') })),
    });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^"report\.docx" is not a kind of file Neurite can import\./);
    expect(error.message).toContain('.csv');
    expect(error.message).toContain('.zip of an image folder');
    expect(existsSync(path.join(dataDir, 'uploads'))).toBe(false);
  });

  it('refuses binary data named .csv', async () => {
    const { service } = open();
    const error = await refusal(service, 'datasets.upload', {
      fileName: 'photo.csv',
      base64: base64(png(4, 10)),
    });
    expect(error.message).toContain('"photo.csv" is named like a table but does not hold text');
  });

  it('unpacks a zipped image folder and previews its images by class', async () => {
    const { service } = open();
    const zip = zipSync({
      'shapes/light/a.png': png(8, 230),
      'shapes/light/b.png': png(8, 200),
      'shapes/dark/c.png': png(8, 20),
      'shapes/dark/d.png': png(8, 40),
      '__MACOSX/shapes/._a.png': new Uint8Array([1, 2, 3]),
    });
    const stored = await call<ApiOutput<'datasets.upload'>>(service, 'datasets.upload', {
      fileName: 'shapes.zip',
      base64: base64(zip),
    });
    expect(stored.kind).toBe('images');
    expect(readdirSync(stored.path).sort()).toEqual(['dark', 'light']);
    const result = await preview(service, {
      source: 'images',
      path: stored.path,
      size: [8, 8],
    });
    expect(result.info.classNames).toEqual(['dark', 'light']);
    expect(result.preview).toMatchObject({ kind: 'images', width: 8, height: 8, channels: 1 });
    if (result.preview.kind !== 'images') return;
    // Classes take turns, so a folder sorted by class still shows every class.
    const shown = result.preview.items.map((item) => ({
      label: item.label,
      gray: Buffer.from(item.pixels, 'base64')[0],
    }));
    expect(shown.map((s) => s.label)).toEqual(['dark', 'light', 'dark', 'light']);
    expect(shown.filter((s) => s.label === 'dark').map((s) => s.gray)).toEqual(
      expect.arrayContaining([20, 40]),
    );
    expect(shown.filter((s) => s.label === 'light').map((s) => s.gray)).toEqual(
      expect.arrayContaining([200, 230]),
    );
  });

  it('refuses a zip whose entries climb out of its folder, and writes none of it', async () => {
    const { service, dataDir } = open();
    const zip = zipSync({
      'good/a.png': png(4, 100),
      '../../escaped.png': png(4, 100),
    });
    const error = await refusal(service, 'datasets.upload', {
      fileName: 'sneaky.zip',
      base64: base64(zip),
    });
    expect(error.message).toContain('a path outside the folder it unpacks to');
    expect(readdirSync(path.join(dataDir, 'uploads'))).toEqual([]);
    expect(existsSync(path.join(dataDir, 'escaped.png'))).toBe(false);
  });

  it('refuses a zip that would unpack to more than the limit, before unpacking it', async () => {
    const { service } = open();
    const zip = zipSync({ 'a/big.png': png(4, 1), 'b/x.png': png(4, 1) });
    // A zip bomb states its real unpacked size in the central directory: 500 MB here.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; at + 4 <= zip.length; at += 1) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 500 * 1024 * 1024, true);
    }
    const error = await refusal(service, 'datasets.upload', {
      fileName: 'bomb.zip',
      base64: base64(zip),
    });
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('"bomb.zip" unpacks to more than 400 MB');
  });

  const fashion = '/usr/share/datasets/fashion-mnist';
  it.runIf(existsSync(fashion))(
    'stores real Fashion-MNIST IDX files and previews them as labelled images',
    async () => {
      const { service } = open();
      const upload = async (name: string) =>
        call<ApiOutput<'datasets.upload'>>(service, 'datasets.upload', {
          fileName: name,
          base64: base64(await readFile(path.join(fashion, name))),
        });
      const images = await upload('t10k-images-idx3-ubyte.gz');
      const labels = await upload('t10k-labels-idx1-ubyte.gz');
      expect([images.kind, labels.kind]).toEqual(['idx', 'idx']);
      const result = await preview(
        service,
        { source: 'idx', images: images.path, labels: labels.path, limit: 100 },
        template('mnist-small-cnn'),
      );
      expect(result.info.count).toBe(100);
      expect(result.preview).toMatchObject({ kind: 'images', width: 28, height: 28 });
      expect(result.fit.ok).toBe(true);
    },
    30_000,
  );
});

describe('host dialogs in browser mode', () => {
  it('answers unsupported, so the page uploads instead', async () => {
    const { service } = open();
    expect(await refusal(service, 'host.openFile', { kind: 'csv' })).toMatchObject({
      code: 'unsupported',
    });
    expect(await refusal(service, 'host.openFolder', {})).toMatchObject({ code: 'unsupported' });
  });
});
