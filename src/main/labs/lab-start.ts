import { GRAPH_FORMAT, GRAPH_FORMAT_VERSION } from '../../shared/graph/document';
import type { LabDocument } from '../../shared/labs/lab-document';
import { trainingConfigSchema } from '../../shared/training/config';
import type { TrainingConfig } from '../../shared/training/config';

/**
 * What a lab's project starts with: the network (a template's, the lab's own, or an empty
 * canvas) and the Training tab's settings. `readTemplate` reads a built-in template by name.
 */
export async function labStartingGraph(
  lab: LabDocument,
  readTemplate: (id: string) => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const start = lab.start;
  if ('template' in start) return readTemplate(start.template);
  if ('network' in start) return start.network;
  return {
    format: GRAPH_FORMAT,
    version: GRAPH_FORMAT_VERSION,
    metadata: { name: lab.title, description: '' },
    nodes: [],
    edges: [],
  };
}

/** The lab's training settings, with the defaults for what it does not set. */
export function labTrainingConfig(lab: LabDocument): TrainingConfig {
  return trainingConfigSchema.parse(lab.settings);
}
