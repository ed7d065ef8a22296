import path from 'node:path';
import { zipSync } from 'fflate';
import { EXPORT_FORMAT_INFO } from '../../../shared/export/formats';
import type { KeptWorker } from '../workers/kept-worker';
import type { Handlers, ServiceContext } from './context';
import { runModel } from './run-model';

/**
 * Exporting a finished run's trained model: a process of the trainer family writes the
 * format's files, and main hands them to the page as one zip named after the project (or as
 * the one file, for a format of one).
 */
export function exportHandlers(
  context: ServiceContext,
  worker: KeptWorker,
): Pick<Handlers, 'runs.exportModel'> {
  return {
    'runs.exportModel': async ({ runId, format }) => {
      const model = runModel(context, runId, 'export it');
      const { files } = await worker.ask('export.model', { model, format }, { tag: runId });
      const run = context.store.getRun(runId);
      const project = context.store.getProject(run.projectId);
      const [only] = files;
      if (files.length === 1 && only) {
        // A format of one file (ONNX) is handed over as that file, named after the project.
        return {
          fileName: `${fileSafe(project.name)}${path.extname(only.name)}`,
          base64: only.base64,
        };
      }
      const zip = zipSync(
        Object.fromEntries(files.map((file) => [file.name, Buffer.from(file.base64, 'base64')])),
        // A fixed time keeps the same model's zip the same, byte for byte; fflate writes local
        // time, so the date is made in local time too (the same bytes in every time zone).
        { mtime: new Date(2020, 0, 1) },
      );
      return {
        fileName: `${fileSafe(project.name)}-${EXPORT_FORMAT_INFO[format].title.replace(/\W/g, '').toLowerCase()}.zip`,
        base64: Buffer.from(zip).toString('base64'),
      };
    },
  };
}

/** A project name as part of a file name: letters, digits, spaces as dashes. */
export function fileSafe(name: string): string {
  return (
    name
      .trim()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'model'
  );
}
