import type { LabDocument } from '../../../shared/labs/lab-document';
import { trainingConfigSchema, type TrainingConfig } from '../../../shared/training/config';

/**
 * The Training tab's settings a lab project started with: the lab's own settings over the
 * usual defaults, as main made them (src/main/labs/lab-start.ts). "Reset" goes back to these,
 * and the form shows them as each field's default, so the tab never contradicts the lab's text.
 */
export function labStartSettings(lab: LabDocument): TrainingConfig | undefined {
  const parsed = trainingConfigSchema.safeParse(lab.settings);
  return parsed.success ? parsed.data : undefined;
}
