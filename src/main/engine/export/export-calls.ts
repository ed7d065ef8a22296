import { parseGraphDocument } from '../../../shared/graph/parse';
import type { WorkerOutput, WorkerParsedInput } from '../../../shared/worker/requests';
import { useSynchronousBackend } from '../backends/select-backend';
import { readWeights } from '../inside/model-cache';
import { ExportError } from './export-error';
import { EXPORTERS } from './exporters';

/** The serving process's `export.model`: a run's model written in a format, as files. */
export async function exportModelCall(
  input: WorkerParsedInput<'export.model'>,
): Promise<WorkerOutput<'export.model'>> {
  const parsed = parseGraphDocument(input.model.graph);
  if (!parsed.ok) {
    throw new ExportError(
      'unsupported',
      `The run's network cannot be read: ${parsed.problems[0]?.message ?? 'it is broken'}.`,
    );
  }
  // The exporters read weights synchronously: never on WebGPU (see useSynchronousBackend).
  await useSynchronousBackend();
  const weights = input.model.weightsDir ? await readWeights(input.model.weightsDir) : undefined;
  const files = await EXPORTERS[input.format].write({ document: parsed.document, weights });
  return {
    files: [...files].map(([name, bytes]) => ({
      name,
      base64: Buffer.from(bytes).toString('base64'),
    })),
  };
}
