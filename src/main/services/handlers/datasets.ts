import { describeBuiltInDatasets, loadDataset } from '../../data/load-dataset';
import { DatasetError } from '../../data/types';
import { checkFit } from '../datasets/fit-check';
import { buildPreview, classBalance, readCsvTable } from '../datasets/preview';
import { storeUpload } from '../datasets/uploads';
import { ServiceError } from '../service-error';
import type { Handlers, ServiceContext } from './context';

type DatasetCalls =
  | 'datasets.builtins'
  | 'datasets.inspect'
  | 'datasets.preview'
  | 'datasets.table'
  | 'datasets.upload';

/** A data set problem the user can fix comes back as invalid input, with the loader's words. */
async function userFacing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DatasetError) throw new ServiceError('invalid-input', error.message);
    throw error;
  }
}

/** Built-in data sets, previews and fit checks, and importing files for the data panel. */
export function datasetHandlers(context: ServiceContext): Pick<Handlers, DatasetCalls> {
  return {
    'datasets.builtins': () =>
      describeBuiltInDatasets().map((d) => ({
        name: d.name,
        title: d.title,
        description: d.description,
        task: d.task,
        featureShape: [...d.featureShape],
        count: d.count,
        source: d.source,
        licence: d.licence,
        options: { ...d.options },
      })),
    'datasets.inspect': ({ data }) => userFacing(async () => (await loadDataset(data)).info),
    'datasets.preview': ({ data, graph }) =>
      userFacing(async () => {
        const dataset = await loadDataset(data);
        const balance = classBalance(dataset);
        return {
          info: dataset.info,
          preview: await buildPreview(data, dataset),
          ...(balance ? { classBalance: balance } : {}),
          fit: checkFit(dataset.info, graph),
        };
      }),
    'datasets.table': ({ path, delimiter, header }) =>
      userFacing(() => readCsvTable(path, { delimiter, header })),
    'datasets.upload': ({ fileName, base64 }) =>
      storeUpload(context.store.dataDir, fileName, base64),
  };
}
