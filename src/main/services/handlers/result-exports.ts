import { zipSync } from 'fflate';
import { figureFiles } from '../../results/figure-files';
import { ServiceError } from '../service-error';
import type { KeptWorker } from '../workers/kept-worker';
import type { Handlers, ServiceContext } from './context';
import { fileSafe } from './exports';
import { runModel } from './run-model';

/**
 * Exporting a finished run's results: its test predictions, which need the model and so come
 * from the kept serving process, and its figures, drawn here from the epochs the store keeps
 * and the test confusion matrix the serving process counts. Files are named after the project.
 */
export function resultExportHandlers(
  context: ServiceContext,
  worker: KeptWorker,
): Pick<Handlers, 'runs.exportPredictions' | 'runs.exportFigures'> {
  const projectName = (runId: string) =>
    fileSafe(context.store.getProject(context.store.getRun(runId).projectId).name);
  return {
    'runs.exportPredictions': async ({ runId }) => {
      const model = runModel(context, runId, 'export its test predictions');
      const { csv } = await worker.ask('export.predictions', { model }, { tag: runId });
      return {
        fileName: `${projectName(runId)}-test-predictions.csv`,
        base64: Buffer.from(csv, 'utf8').toString('base64'),
      };
    },
    'runs.exportFigures': async ({ runId }) => {
      const model = runModel(context, runId, 'export its figures');
      const run = context.store.getRun(runId);
      if (run.epochs.length === 0) {
        throw new ServiceError(
          'unsupported',
          'This run ended before its first epoch, so it has no curves to draw. Train for at least one epoch.',
        );
      }
      const answer = await worker.ask('export.testConfusion', { model }, { tag: runId });
      const classNames =
        run.final?.type === 'finished' ? run.final.train.confusionMatrix?.labels : undefined;
      const figures = await figureFiles({
        history: run.epochs,
        ...(classNames ? { classNames } : {}),
        confusion: 'none' in answer ? answer.none : { matrix: answer.confusion, of: 'test data' },
      });
      const zip = zipSync(
        Object.fromEntries(figures.files),
        // A fixed time keeps the same run's zip the same, byte for byte (see runs.exportModel).
        { mtime: new Date(2020, 0, 1) },
      );
      return {
        fileName: `${projectName(runId)}-figures.zip`,
        base64: Buffer.from(zip).toString('base64'),
        ...(figures.note ? { note: figures.note } : {}),
      };
    },
  };
}
