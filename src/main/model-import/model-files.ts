import path from 'node:path';
import { unzipSync } from 'fflate';
import { ModelImportError } from './import-error';

/** One file the student picked: its name and its bytes. */
export interface ModelFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** One tensor of a weights manifest, as model.json lists it. */
export interface WeightSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: string;
  readonly quantization?: { readonly dtype: string } & Readonly<Record<string, unknown>>;
}

/** A TF.js layers model: its model.json and all its weights in one buffer, in manifest order. */
export interface ModelFiles {
  readonly modelJson: Readonly<Record<string, unknown>>;
  readonly specs: readonly WeightSpec[];
  readonly data: Uint8Array;
}

/** The most a model may unpack to: far above any network a student trains here. */
export const MAX_MODEL_BYTES = 512 * 1024 * 1024;

const WHAT_TO_PICK =
  'Pick the model.json together with its weights file(s) (weights.bin, or group1-shard…bin), or the zip that Neurite’s TensorFlow.js export gives.';

/**
 * Finds model.json and the weights files it lists among the picked files, or inside a zip:
 * the files TF.js' `model.save`, tensorflowjs_converter and Neurite's TF.js export write.
 */
export function readModelFiles(picked: readonly ModelFile[]): ModelFiles {
  const files = picked.length === 1 && isZip(picked[0]!.bytes) ? unzip(picked[0]!) : picked;
  const json = files.filter((file) => file.name.toLowerCase().endsWith('.json'));
  if (json.length === 0) {
    throw new ModelImportError(
      'invalid-input',
      `There is no model.json among these files. ${WHAT_TO_PICK}`,
    );
  }
  const named = json.filter((file) => path.basename(file.name) === 'model.json');
  const candidates = named.length > 0 ? named : json;
  if (candidates.length > 1) {
    throw new ModelImportError(
      'invalid-input',
      `There are several models here (${candidates.map((f) => f.name).join(', ')}). Import one model at a time.`,
    );
  }
  const jsonFile = candidates[0]!;
  const modelJson = parseModelJson(jsonFile);
  const { specs, paths } = manifestOf(modelJson, jsonFile.name);
  const data = concatenate(paths.map((name) => findWeightsFile(files, jsonFile.name, name)));
  const expected = specs.reduce((sum, spec) => sum + bytesOf(spec, jsonFile.name), 0);
  if (expected !== data.length) {
    throw new ModelImportError(
      'invalid-input',
      `The weights files hold ${data.length.toLocaleString('en-US')} bytes, but ${jsonFile.name} describes ${expected.toLocaleString('en-US')}: they do not belong together, or one was cut short. ${WHAT_TO_PICK}`,
    );
  }
  return { modelJson, specs, data };
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

function unzip(file: ModelFile): ModelFile[] {
  let declared = 0;
  try {
    const entries = unzipSync(file.bytes, {
      filter: (entry) => {
        const wanted = /\.(json|bin)$/i.test(entry.name);
        if (wanted) declared += entry.originalSize;
        if (declared > MAX_MODEL_BYTES) {
          throw new ModelImportError(
            'too-large',
            `"${file.name}" unpacks to more than ${MAX_MODEL_BYTES / 1024 / 1024} MB; Neurite does not import models that large.`,
          );
        }
        return wanted;
      },
    });
    return Object.entries(entries).map(([name, bytes]) => ({ name, bytes }));
  } catch (error) {
    if (error instanceof ModelImportError) throw error;
    throw new ModelImportError(
      'invalid-input',
      `"${file.name}" looks like a zip archive but cannot be unpacked (${(error as Error).message}); it may be damaged or cut short. Export the model again.`,
    );
  }
}

function parseModelJson(file: ModelFile): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes));
  } catch {
    throw new ModelImportError(
      'invalid-input',
      `${file.name} is not valid JSON, so it is not a TensorFlow.js model. ${WHAT_TO_PICK}`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ModelImportError('invalid-input', `${file.name} is not a TensorFlow.js model.`);
  }
  const model = value as Record<string, unknown>;
  if (model['format'] === 'graph-model') {
    throw new ModelImportError(
      'unsupported',
      `${file.name} is a TensorFlow.js graph model (converted from a SavedModel): it holds operations rather than layers, so Neurite cannot draw it as a network. Save the model as a layers model (model.save in TensorFlow.js, or tensorflowjs_converter --input_format keras from a Keras .h5 file) and import that.`,
    );
  }
  if (model['modelTopology'] === undefined) {
    throw new ModelImportError(
      'invalid-input',
      `${file.name} has no "modelTopology", so it is not a TensorFlow.js layers model. ${WHAT_TO_PICK}`,
    );
  }
  return model;
}

function manifestOf(
  model: Readonly<Record<string, unknown>>,
  where: string,
): { specs: WeightSpec[]; paths: string[] } {
  const groups = model['weightsManifest'];
  if (!Array.isArray(groups) || groups.length === 0) {
    throw new ModelImportError(
      'invalid-input',
      `${where} lists no weights: it describes a network but not what it learnt. Neurite imports trained models; save the model with its weights (model.save) and import that.`,
    );
  }
  const specs: WeightSpec[] = [];
  const paths: string[] = [];
  for (const group of groups as { paths?: unknown; weights?: unknown }[]) {
    if (!Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      throw new ModelImportError('invalid-input', `The weights manifest of ${where} is damaged.`);
    }
    paths.push(...group.paths.map(String));
    specs.push(...(group.weights as WeightSpec[]));
  }
  return { specs, paths };
}

/** A weights file named in the manifest, looked up beside model.json or by its name alone. */
function findWeightsFile(files: readonly ModelFile[], jsonName: string, name: string): Uint8Array {
  const beside = path.posix.join(path.posix.dirname(jsonName.replace(/\\/g, '/')), name);
  const found =
    files.find((file) => file.name.replace(/\\/g, '/') === beside) ??
    files.find((file) => path.basename(file.name) === path.basename(name));
  if (!found) {
    throw new ModelImportError(
      'invalid-input',
      `${path.basename(jsonName)} keeps its weights in "${name}", which is not among the files. ${WHAT_TO_PICK}`,
    );
  }
  return found.bytes;
}

function concatenate(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

const BYTES_PER_VALUE: Readonly<Record<string, number>> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

/** How many bytes a tensor of the manifest takes in the weights files. */
function bytesOf(spec: WeightSpec, where: string): number {
  const dtype = spec.quantization?.dtype ?? spec.dtype;
  const size = BYTES_PER_VALUE[dtype];
  if (
    size === undefined ||
    !Array.isArray(spec.shape) ||
    !spec.shape.every((d) => Number.isInteger(d) && d >= 0)
  ) {
    throw new ModelImportError(
      'invalid-input',
      `The weight "${String(spec.name)}" in ${where} is of a kind Neurite cannot read (${String(dtype)}, shape ${JSON.stringify(spec.shape)}).`,
    );
  }
  return spec.shape.reduce((a, b) => a * b, 1) * size;
}
