import type { DatasetSpec } from '../../shared/data/dataset-spec';
import { logicGate } from './builtin/logic-gates';
import { cars } from './builtin/cars';
import { cereals } from './builtin/cereals';
import { gdSteps } from './builtin/gd-steps';
import { penguins } from './builtin/penguins';
import { co2 } from './builtin/co2';
import { iris } from './builtin/iris';
import { mnist } from './builtin/mnist';
import { reviews } from './builtin/reviews';
import { parityBits, reverseSequences, sineForecast } from './builtin/sequences';
import { toy2d } from './builtin/toy-2d';
import { loadCsv } from './import/csv';
import { loadIdx } from './import/idx';
import { loadImageFolder } from './import/image-folder';
import { loadTextCsv } from './import/text-csv';
import type { LoadedDataset } from './types';

export { describeBuiltInDatasets } from './builtin/catalog';
export type { BuiltInDatasetDescription } from './builtin/catalog';

type BuiltInSpec = Extract<DatasetSpec, { source: 'builtin' }>;

/**
 * Loads the examples a spec names. Problems the user can fix (a missing file, a broken row)
 * are thrown as DatasetError with a message that says where and what to do.
 */
export async function loadDataset(spec: DatasetSpec): Promise<LoadedDataset> {
  switch (spec.source) {
    case 'builtin':
      return loadBuiltIn(spec);
    case 'csv':
      return loadCsv(spec);
    case 'images':
      return loadImageFolder(spec);
    case 'idx':
      return loadIdx(spec);
    case 'text-csv':
      return loadTextCsv(spec);
  }
}

async function loadBuiltIn(spec: BuiltInSpec): Promise<LoadedDataset> {
  const { samples, noise, seed, steps } = spec;
  switch (spec.name) {
    case 'and':
    case 'or':
    case 'xor':
      return logicGate(spec.name);
    case 'circle':
    case 'xor-quadrants':
    case 'gaussians':
    case 'spiral':
    case 'moons':
      return toy2d(spec.name, { samples, noise, seed });
    case 'iris':
      return iris();
    case 'cereals':
      return cereals();
    case 'gd-steps':
      return gdSteps();
    case 'cars':
      return cars();
    case 'penguins':
      return penguins();
    case 'co2':
      return co2({ steps });
    case 'mnist':
      return mnist(spec.limit);
    case 'sine':
      return sineForecast({ samples, steps, noise, seed });
    case 'parity':
      return parityBits({ samples, steps, seed });
    case 'reverse':
      return reverseSequences({ samples, steps, seed });
    case 'reviews':
      return reviews();
  }
}
