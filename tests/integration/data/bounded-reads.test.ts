import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../../src/shared/api/contract';
import { apiServices, callService, refusalOf } from '../../fixtures/api-service';

/*
 * The data panel's reads are bounded, whatever path or file it is given: a device that never
 * ends, a pipe nobody writes to, a small gzip that unpacks to hundreds of megabytes, a tiny
 * picture that claims 10,000 × 10,000 pixels. Each is refused with a sentence, the server
 * keeps answering, and no read takes the memory of the machine.
 */

const open = apiServices();
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
function tempDir(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'neurite-bounded-'));
  folders.push(folder);
  return folder;
}
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The server still answers a quick call at once. */
async function stillAnswers(service: ReturnType<typeof open>['service']): Promise<void> {
  const started = Date.now();
  await callService(service, 'datasets.preview', { data: { source: 'builtin', name: 'xor' } });
  expect(Date.now() - started).toBeLessThan(3_000);
}

describe('reading data files is bounded', () => {
  it('refuses /dev/zero for a table and for a preview, without reading it', async () => {
    const { service } = open();
    const table = await refusalOf(service, 'datasets.table', { path: '/dev/zero' });
    expect(table.message).toBe(
      '/dev/zero is not a file but a device or a pipe of the system, which Neurite does not read. Pick a data file (CSV or IDX).',
    );
    const preview = await refusalOf(service, 'datasets.preview', {
      data: { source: 'csv', path: '/dev/zero' },
    });
    expect(preview.message).toContain('/dev/zero is not a file but a device or a pipe');
    await stillAnswers(service);
  });

  it('refuses a pipe at once, so that nothing waits for a writer', async () => {
    const { service } = open();
    const fifo = path.join(tempDir(), 'data.csv');
    execFileSync('mkfifo', [fifo]);
    const refusals = await Promise.all(
      // More than Node's four file threads: were any of them blocked, the last would wait.
      Array.from({ length: 6 }, () => refusalOf(service, 'datasets.table', { path: fifo })),
    );
    for (const refusal of refusals)
      expect(refusal.message).toMatch(/is not a file but a device or a pipe/);
    await stillAnswers(service);
  });

  it('refuses a small gzipped IDX upload that unpacks to 200,000 images, naming the limit', async () => {
    const { service } = open();
    const count = 200_000;
    const header = Buffer.alloc(16);
    header.writeUInt32BE(0x00000803, 0);
    header.writeUInt32BE(count, 4);
    header.writeUInt32BE(28, 8);
    header.writeUInt32BE(28, 12);
    const images = gzipSync(Buffer.concat([header, Buffer.alloc(count * 28 * 28)]));
    expect(images.length).toBeLessThan(400 * 1024);
    const labelHeader = Buffer.alloc(8);
    labelHeader.writeUInt32BE(0x00000801, 0);
    labelHeader.writeUInt32BE(count, 4);
    const labels = gzipSync(Buffer.concat([labelHeader, Buffer.alloc(count)]));
    const upload = (fileName: string, bytes: Uint8Array) =>
      callService<ApiOutput<'datasets.upload'>>(service, 'datasets.upload', {
        fileName,
        base64: base64(bytes),
      });
    const imagesFile = await upload('train-images-idx3-ubyte.gz', images);
    const labelsFile = await upload('train-labels-idx1-ubyte.gz', labels);
    const refusal = await refusalOf(service, 'datasets.preview', {
      data: { source: 'idx', images: imagesFile.path, labels: labelsFile.path },
    });
    expect(refusal.message).toBe(
      // Named as the student uploaded it, never by the server's uploads folder.
      'train-images-idx3-ubyte.gz unpacks to more than 96 MB, more than Neurite reads. Use a part of the data set (fewer examples).',
    );
    await stillAnswers(service);
  });

  it('reads a picture’s size before decoding it, and skips one of 10,000 × 10,000 pixels', async () => {
    const { service } = open();
    const zip = zipSync({
      'shapes/light/a.png': smallPng(230),
      'shapes/light/b.png': smallPng(200),
      'shapes/light/huge.png': hugeGrayPng(10_000, 10_000),
      'shapes/dark/c.png': smallPng(20),
      'shapes/dark/d.png': smallPng(40),
    });
    expect(zip.length).toBeLessThan(1024 * 1024);
    const stored = await callService<ApiOutput<'datasets.upload'>>(service, 'datasets.upload', {
      fileName: 'shapes.zip',
      base64: base64(zip),
    });
    const before = process.memoryUsage().rss;
    const result = await callService<ApiOutput<'datasets.preview'>>(service, 'datasets.preview', {
      data: { source: 'images', path: stored.path, size: [8, 8] },
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(result.info.notes.join(' ')).toContain(
      'huge.png (it is 10000 × 10000 pixels, more than the 40 megapixels Neurite decodes: make it smaller)',
    );
    expect(result.classBalance).toEqual([
      { name: 'dark', count: 2 },
      { name: 'light', count: 2 },
    ]);
  });
});

function smallPng(gray: number): Buffer {
  const image = new PNG({ width: 8, height: 8 });
  for (let p = 0; p < 64; p += 1) image.data.set([gray, gray, gray, 255], p * 4);
  return PNG.sync.write(image);
}

/** A real, valid grayscale PNG of width × height black pixels: all zeros deflate to little. */
function hugeGrayPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  const rows = Buffer.alloc((width + 1) * height); // each row: filter 0, then its pixels
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
