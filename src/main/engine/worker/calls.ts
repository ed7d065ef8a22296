import type {
  WorkerCallName,
  WorkerOutput,
  WorkerParsedInput,
} from '../../../shared/worker/requests';
import { selectBackend } from '../backends/select-backend';
import { exportModelCall } from '../export/export-calls';
import { checkImport } from '../import/check-import';
import { exportPredictionsCall, exportTestConfusionCall } from '../export/results/result-calls';
import {
  insideBoundary,
  insideExamples,
  insideExplain,
  insideLatent,
  insideConfusion,
  insideEvaluate,
  insideWeights,
  insideImportance,
  insideLayer,
  insidePredict,
} from '../inside/inside-calls';

type WorkerHandlers = {
  [N in WorkerCallName]: (input: WorkerParsedInput<N>) => Promise<WorkerOutput<N>>;
};

/** What a serving process of the trainer family answers; one entry per call in WORKER_CALLS. */
export const WORKER_HANDLERS: WorkerHandlers = {
  'backends.report': ({ choice }) => selectBackend(choice ?? 'auto'),
  'inside.examples': insideExamples,
  'inside.evaluate': insideEvaluate,
  'inside.predict': insidePredict,
  'inside.explain': insideExplain,
  'inside.layer': insideLayer,
  'inside.boundary': insideBoundary,
  'inside.latent': insideLatent,
  'inside.confusion': insideConfusion,
  'inside.weights': insideWeights,
  'inside.importance': insideImportance,
  'export.model': exportModelCall,
  'import.check': checkImport,
  'export.predictions': exportPredictionsCall,
  'export.testConfusion': exportTestConfusionCall,
};
