import { zipSync } from 'fflate';

/**
 * Pictures a student records with the camera, one class at a time (Teachable Machine's way),
 * turned into the same image folder an upload gives: one subfolder per class.
 */
export interface CaptureClass {
  readonly name: string;
  /** PNG files, in the order they were taken. */
  readonly images: readonly Uint8Array[];
}

/** Enough pictures of each class to train on and still hold some out for validation. */
export const MIN_PICTURES_PER_CLASS = 5;
export const MAX_CAPTURE_CLASSES = 10;

/** A class name as a folder name: characters folders refuse become "_". */
export function folderName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.trim().replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_');
}

/** Why these pictures cannot be used yet, in words for the student; undefined when they can. */
export function captureProblem(classes: readonly CaptureClass[]): string | undefined {
  if (classes.length < 2)
    return 'Record at least two classes, so the network has something to tell apart.';
  const unnamed = classes.findIndex((c) => folderName(c.name) === '');
  if (unnamed >= 0) return `Give class ${unnamed + 1} a name.`;
  const seen = new Set<string>();
  for (const c of classes) {
    const key = folderName(c.name).toLowerCase();
    if (seen.has(key))
      return `Two classes are called "${c.name.trim()}": give each class its own name.`;
    seen.add(key);
  }
  const few = classes.find((c) => c.images.length < MIN_PICTURES_PER_CLASS);
  if (few) {
    return `Record at least ${MIN_PICTURES_PER_CLASS} pictures of "${few.name.trim()}" (it has ${few.images.length}).`;
  }
  return undefined;
}

/** The pictures as a zip of one folder per class, as the image-folder import reads it. */
export function capturesZip(classes: readonly CaptureClass[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const c of classes) {
    const folder = folderName(c.name);
    c.images.forEach((png, i) => {
      files[`${folder}/${String(i + 1).padStart(4, '0')}.png`] = png;
    });
  }
  // PNG is already compressed: store the files as they are.
  return zipSync(files, { level: 0 });
}
