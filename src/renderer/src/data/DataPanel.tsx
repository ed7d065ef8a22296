import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import type { GraphDocument } from '../../../shared/graph/document';

export interface DataPanelProps {
  /** The project's network, to check the data set against. */
  readonly graph: GraphDocument;
  /** The chosen data set, or none yet. */
  readonly value: DatasetSpec | undefined;
  /** Called when the user picks or changes a data set; the workspace saves it. */
  readonly onChange: (spec: DatasetSpec) => void;
}

/** Choose a built-in data set or import one, and preview it. (Being built.) */
export function DataPanel({ value }: DataPanelProps) {
  return <p className="empty">{value ? `Data set: ${value.source}` : 'No data set chosen yet.'}</p>;
}
