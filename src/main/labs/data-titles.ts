import { describeBuiltInDatasets } from '../data/load-dataset';

/**
 * A built-in data set's name as a goal's sentence says it: the catalog's title up to its colon
 * ("Cereals: sugars → calories" is "Cereals"), a logic gate with "the" ("the XOR gate").
 */
export function builtInDataTitle(name: string): string {
  const description = describeBuiltInDatasets().find((d) => d.name === name);
  if (!description) return `"${name}"`;
  const title = description.title.split(':')[0]!.trim();
  return / gate$/.test(title) ? `the ${title}` : title;
}
