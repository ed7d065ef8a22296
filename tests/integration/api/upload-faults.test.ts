import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ApiService } from '../../../src/main/services/api-service';
import { createApiService } from '../../../src/main/services/api-service';
import type { ApiOutput } from '../../../src/shared/api/contract';
import { apiServices, callService, refusalOf } from '../../fixtures/api-service';

/*
 * Uploads meet the disk's limits with a sentence, never "internal": a name longer than a file
 * system allows, a zip that no disk can unpack, a full disk and a read-only one. The full and
 * read-only disks are real: a small tmpfs holds the data folder (the machines that run the
 * tests let root mount one). A folder without permission is not tested: the tests run as root,
 * whom permissions do not stop.
 */

const open = apiServices();
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const CSV = 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n';

const mounts: string[] = [];
const services: ApiService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
});
afterAll(() => {
  for (const mount of mounts) {
    execFileSync('umount', [mount]);
    rmSync(mount, { recursive: true, force: true });
  }
});

/** The API service with its data folder on a tmpfs of `kb` KiB. */
function serviceOnTmpfs(kb: number): { service: ApiService; dataDir: string } {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'neurite-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dataDir]);
  mounts.push(dataDir);
  const service = createApiService({ dataDir, transport: 'websocket' });
  services.push(service);
  return { service, dataDir };
}

function png(gray: number): Buffer {
  const image = new PNG({ width: 4, height: 4 });
  for (let p = 0; p < 16; p += 1) image.data.set([gray, gray, gray, 255], p * 4);
  return PNG.sync.write(image);
}

describe('uploads and the disk', () => {
  it('keeps a file whose name is longer than a disk allows under a shortened name', async () => {
    const { service } = open();
    const name = `${'学生の実験データ'.repeat(12)}.csv`;
    expect(Buffer.byteLength(name)).toBeGreaterThan(255);
    const stored = await callService<ApiOutput<'datasets.upload'>>(service, 'datasets.upload', {
      fileName: name,
      base64: base64(Buffer.from(CSV)),
    });
    const storedName = path.basename(stored.path);
    expect(Buffer.byteLength(storedName)).toBeLessThanOrEqual(200);
    expect(storedName).toMatch(/^学生の実験データ学生の実験データ.*…\.csv$/);
    const table = await callService<ApiOutput<'datasets.table'>>(service, 'datasets.table', {
      path: stored.path,
    });
    expect(table).toMatchObject({ columns: ['a', 'b', 'y'] });
  });

  it('refuses a zip holding a file and a folder of one name, writing nothing', async () => {
    const { service } = open();
    const zip = zipSync({
      'shapes/a/x.png': png(10),
      'shapes/a/x.png/y.png': png(20),
      'shapes/b/z.png': png(200),
    });
    const refusal = await refusalOf(service, 'datasets.upload', {
      fileName: 'shapes.zip',
      base64: base64(zip),
    });
    expect(refusal).toEqual({
      code: 'invalid-input',
      message:
        '"shapes.zip" holds both a file "shapes/a/x.png" and a folder of that name (with "shapes/a/x.png/y.png" in it), which no disk can hold. Rename one of them and zip the folder again.',
    });
  });

  it('says the disk is full, and goes on answering', async () => {
    const { service, dataDir } = serviceOnTmpfs(1024);
    // Fill what is left of the disk.
    try {
      writeFileSync(path.join(dataDir, 'filler'), Buffer.alloc(2 * 1024 * 1024));
    } catch {
      // ENOSPC: the disk is full, as wanted.
    }
    const refusal = await refusalOf(service, 'datasets.upload', {
      fileName: 'gates.csv',
      base64: base64(Buffer.from(CSV.repeat(200))),
    });
    expect(refusal).toEqual({
      code: 'storage',
      message:
        '"gates.csv" could not be kept in Neurite\'s data folder: the disk is full. Free some disk space and upload it again.',
    });
    expect(await callService(service, 'projects.list', {})).toEqual([]);
  });

  it('says the disk is read-only', async () => {
    const { service, dataDir } = open();
    // The uploads folder on a read-only disk of its own (the database beside it stays writable).
    const uploads = path.join(dataDir, 'uploads');
    mkdirSync(uploads, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,ro', 'tmpfs', uploads]);
    try {
      const refusal = await refusalOf(service, 'datasets.upload', {
        fileName: 'gates.csv',
        base64: base64(Buffer.from(CSV)),
      });
      expect(refusal).toEqual({
        code: 'storage',
        message:
          '"gates.csv" could not be kept in Neurite\'s data folder: that place is read-only. Check that Neurite may write to its data folder, then upload it again.',
      });
    } finally {
      execFileSync('umount', [uploads]);
    }
  });
});
