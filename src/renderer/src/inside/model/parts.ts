import type { DataPart } from '../../../../shared/inside/inside-schemas';

/** The parts of a run's data, as the Inside panel names them. */
export const PART_TITLES: Record<DataPart, string> = {
  all: 'All examples',
  train: 'Training',
  validation: 'Validation',
  test: 'Test',
};

/** "examples", "training examples"…: the examples of a part, in a sentence. */
export function examplesOf(part: DataPart): string {
  return part === 'all' ? 'examples' : `${PART_TITLES[part].toLowerCase()} examples`;
}
