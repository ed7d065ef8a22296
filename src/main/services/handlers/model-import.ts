import { ModelImportError } from '../../model-import/import-error';
import { importLayersModel } from '../../model-import/import-model';
import { ServiceError } from '../service-error';
import type { KeptWorker } from '../workers/kept-worker';
import type { Handlers, ServiceContext } from './context';

/**
 * Importing a trained TF.js layers model as a new project: main reads the files into a
 * network (no TF.js needed), a process of the trainer family builds it and puts the weights
 * in, and only then does the store keep the project with the weights its runs start from.
 */
export function modelImportHandlers(
  context: ServiceContext,
  worker: KeptWorker,
): Pick<Handlers, 'projects.importModel'> {
  return {
    'projects.importModel': async ({ files }) => {
      const picked = files.map((file) => ({
        name: file.fileName,
        bytes: new Uint8Array(Buffer.from(file.base64, 'base64')),
      }));
      const source = files.map((file) => file.fileName).join(', ');
      let imported;
      try {
        imported = importLayersModel(
          picked,
          files.length === 1 ? files[0]!.fileName : 'model.json',
        );
      } catch (error) {
        if (error instanceof ModelImportError) throw new ServiceError(error.code, error.message);
        throw error;
      }
      const { document, weights } = imported;
      await worker.ask('import.check', {
        graph: document,
        weights: {
          specs: [...weights.specs],
          base64: Buffer.from(weights.data).toString('base64'),
        },
      });
      const project = context.store.createProject({
        name: document.metadata.name,
        graph: document,
        description: document.metadata.description,
        startingWeights: { source, specs: weights.specs, data: weights.data },
      });
      context.emit('project.changed', { projectId: project.id });
      return project;
    },
  };
}
