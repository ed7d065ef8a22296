import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DatasetSpec } from '../../shared/data/dataset-spec';
import { BUILT_IN_DATASETS, datasetSpecSchema } from '../../shared/data/dataset-spec';
import { describeIssue, formatPath } from '../../shared/graph/problems';

/**
 * Turns `--data` into a data set spec. Accepted: a built-in name ("xor", "mnist"), a CSV/TSV
 * file, a folder of class subfolders with images, an IDX images file (its labels file is found
 * beside it), a JSON file holding a spec, or the spec as inline JSON.
 */
export function parseDataArgument(
  value: string,
  options: { target?: string | undefined },
): DatasetSpec {
  const trimmed = value.trim();
  if ((BUILT_IN_DATASETS as readonly string[]).includes(trimmed)) {
    return datasetSpecSchema.parse({ source: 'builtin', name: trimmed });
  }
  if (trimmed.startsWith('{')) return specFromJson(trimmed, 'the --data value');
  if (!existsSync(trimmed)) {
    throw new Error(
      `--data "${value}" is neither a built-in data set (${BUILT_IN_DATASETS.join(', ')}) nor an existing file or folder.`,
    );
  }
  if (statSync(trimmed).isDirectory())
    return datasetSpecSchema.parse({ source: 'images', path: trimmed });
  const name = path.basename(trimmed).toLowerCase();
  if (name.endsWith('.json')) return specFromJson(readFileSync(trimmed, 'utf8'), trimmed);
  if (/\.(csv|tsv|txt)$/.test(name)) {
    const column = (ref: string) => (/^\d+$/.test(ref) ? Number(ref) : ref);
    // "y1,y2,y3": several columns, predicted in that order as a sequence of numbers.
    const refs = options.target?.split(',').map((ref) => ref.trim());
    const target =
      refs === undefined ? {} : { target: refs.length === 1 ? column(refs[0]!) : refs.map(column) };
    return datasetSpecSchema.parse({ source: 'csv', path: trimmed, ...target });
  }
  if (/idx3-ubyte(\.gz)?$/.test(name)) {
    const labels = path.join(
      path.dirname(trimmed),
      path.basename(trimmed).replace('images-idx3', 'labels-idx1'),
    );
    return datasetSpecSchema.parse({ source: 'idx', images: trimmed, labels });
  }
  throw new Error(
    `Neurite cannot tell what kind of data "${value}" is. Use a .csv/.tsv file, a folder of images, IDX files, or a .json spec.`,
  );
}

function specFromJson(text: string, where: string): DatasetSpec {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${where} is not valid JSON.`);
  }
  const parsed = datasetSpecSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${formatPath(issue.path) || 'spec'}: ${describeIssue(issue, value)}`,
    );
    throw new Error(`${where} is not a data set spec: ${problems.join(' ')}`);
  }
  return parsed.data;
}
