import type { ApiClient } from '../../../shared/api/client';
import type { ApiOutput } from '../../../shared/api/contract';
import { MAX_UPLOAD_BYTES } from '../../../shared/data/dataset-preview';

const MB = 1024 * 1024;

/** Thrown before anything is sent when a file cannot be uploaded (too large). */
export class UploadRefused extends Error {}

/** Base64 of a file's bytes, in chunks so a large file does not overflow the call stack. */
async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

/** Sends a file the user picked or dropped to Neurite, which keeps it and says what it is. */
export async function uploadDataFile(
  client: ApiClient,
  file: File,
): Promise<ApiOutput<'datasets.upload'>> {
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new UploadRefused(
      `"${file.name}" is ${Math.ceil(file.size / MB)} MB; a data set uploaded in the browser may be at most ${MAX_UPLOAD_BYTES / MB} MB. Use a smaller file, or the desktop app, which reads files where they are.`,
    );
  }
  return client.call('datasets.upload', {
    fileName: file.name,
    base64: await base64Of(file),
  });
}
