import type { GraphDocument } from '../../../shared/graph/document';
import { nodeDisplayName } from '../../../shared/graph/document';
import { parseGraphDocument } from '../../../shared/graph/parse';
import type { WorkerOutput, WorkerParsedInput } from '../../../shared/worker/requests';
import { ModelImportError } from '../../model-import/import-error';
import { useSynchronousBackend } from '../backends/select-backend';
import { compileGraph } from '../compiler/compile-graph';
import type { SavedWeights } from '../inside/inside-model';
import { INITIAL_WEIGHTS_SEED } from '../inside/inside-model';
import { tf } from '../tf';
import { loadStartingWeights } from '../training/starting-weights';

/**
 * The serving process's `import.check`: see checkImportedWeights. The app asks it before it
 * keeps an imported project.
 */
export async function checkImport(
  input: WorkerParsedInput<'import.check'>,
): Promise<WorkerOutput<'import.check'>> {
  await useSynchronousBackend();
  const parsed = parseGraphDocument(input.graph);
  if (!parsed.ok) {
    throw new ModelImportError(
      'unsupported',
      `The imported network cannot be read: ${parsed.problems[0]?.message ?? 'it is broken'}.`,
    );
  }
  const bytes = Buffer.from(input.weights.base64, 'base64');
  const weights: SavedWeights = {
    specs: input.weights.specs as unknown as SavedWeights['specs'],
    data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  };
  return { layers: checkImportedWeights(parsed.document, weights) };
}

/**
 * Builds an imported network, puts its weights in as a run that starts from them will, and
 * computes one example. Every layer with weights must get all of its own, so a model whose
 * weights do not fit its layers is refused when it is imported, not later when it trains.
 * Returns how many layers got their weights.
 */
export function checkImportedWeights(document: GraphDocument, weights: SavedWeights): number {
  const compiled = compileGraph(document, { seed: INITIAL_WEIGHTS_SEED });
  try {
    const use = loadStartingWeights(compiled, weights);
    if (use.fresh.length > 0) {
      const names = use.fresh.map((id) =>
        nodeDisplayName(document.nodes.find((n) => n.id === id)!),
      );
      throw new ModelImportError(
        'invalid-input',
        `The weights of ${names.join(', ')} are missing from the model's weights file, or have other shapes than the layer, so the model cannot be imported with what it learnt. Save the model again with its weights (model.save) and import it again.`,
      );
    }
    const examples = compiled.model.inputs.map((symbolic) =>
      tf.zeros([1, ...(symbolic.shape.slice(1) as number[])], symbolic.dtype),
    );
    const outputs = compiled.model.predict(examples);
    tf.dispose([examples, outputs]);
    return use.loaded.length;
  } finally {
    compiled.model.dispose();
  }
}
