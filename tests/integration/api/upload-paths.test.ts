import { zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../../src/shared/api/contract';
import { apiServices, callService, refusalOf } from '../../fixtures/api-service';

/**
 * A student in a browser uploads files; when one cannot be used, the sentence they read names
 * the file as they uploaded it, never the folder the server keeps uploads in.
 */

const open = apiServices();

function png(size: number): Buffer {
  const image = new PNG({ width: size, height: size });
  image.data.fill(128);
  return PNG.sync.write(image);
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('messages about uploaded files', () => {
  it('name an image folder whose pictures cannot be read as the student uploaded it', async () => {
    const { service, dataDir } = open();
    const zip = zipSync({
      'pets/cats/a.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
      'pets/dogs/b.png': png(8),
    });
    const stored = await callService<ApiOutput<'datasets.upload'>>(service, 'datasets.upload', {
      fileName: 'pets.zip',
      base64: base64(zip),
    });
    const refused = await refusalOf(service, 'datasets.preview', {
      data: { source: 'images', path: stored.path, size: [8, 8] },
    });
    expect(refused.message).not.toContain(dataDir);
    expect(refused.message).not.toContain('uploads');
    // The folder inside the zip (pets/ in pets.zip), and the picture that could not be read.
    expect(refused.message).toMatch(
      /^The class folder "cats" in pets\/pets has no PNG or JPEG image/,
    );
    expect(refused.message).toContain('cats/a.png');
  });

  it('name an uploaded CSV file by its name', async () => {
    const { service, dataDir } = open();
    const stored = await callService<ApiOutput<'datasets.upload'>>(service, 'datasets.upload', {
      fileName: 'marks.csv',
      base64: base64(new TextEncoder().encode('a,b\n1,2\n')),
    });
    const refused = await refusalOf(service, 'datasets.preview', {
      data: { source: 'csv', path: stored.path, target: 'no such column' },
    });
    expect(refused.message).not.toContain(dataDir);
    expect(refused.message).toContain('marks.csv');
  });
});
