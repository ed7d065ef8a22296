import { useState } from 'react';
import type { GraphDocument } from '../../../../shared/graph/document';
import type { GraphAnalysis } from '../../../../shared/inference/analyze';
import { AnalysisMemo } from '../model';

/** Shapes, parameter counts and problems of the document, kept across moves. */
export function useAnalysis(doc: GraphDocument): GraphAnalysis {
  const [memo] = useState(() => new AnalysisMemo());
  return memo.analyze(doc);
}
