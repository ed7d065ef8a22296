import { PRELU_WEIGHTS_FORMULA } from '../src/shared/catalog/activations';
import { LAYER_KINDS } from '../src/shared/catalog/registry';
import { table } from './markdown-table';

/** The comment pair around the generated table in docs/file-format.md. */
export const WEIGHTS_TABLE_START =
  '<!-- weights table: generated from the layer catalog by `npm run docs:layers` -->';
export const WEIGHTS_TABLE_END = '<!-- end of weights table -->';

/**
 * The "How weights are counted" table (and the list of layers without weights) of docs/file-format.md, from each kind's weight layout,
 * so the file format's documentation cannot disagree with the catalog.
 */
export function renderWeightsTable(): string {
  const withWeights = LAYER_KINDS.filter((kind) => kind.weights);
  const without = LAYER_KINDS.filter((kind) => !kind.weights).map((kind) => kind.title);
  const rows = [
    ...withWeights.map((kind) => [kind.title, kind.weights!.formula]),
    ['PReLU activation', PRELU_WEIGHTS_FORMULA],
    ['Any other layer', '0'],
  ];
  return `${table(['Layer', 'Weights'], rows)}\n\nThe layers without weights: ${without.join(', ')}.`;
}

/** `text` with the part between the markers replaced by the fresh table. */
export function withWeightsTable(text: string): string {
  const start = text.indexOf(WEIGHTS_TABLE_START);
  const end = text.indexOf(WEIGHTS_TABLE_END);
  if (start < 0 || end < start) {
    throw new Error(
      `docs/file-format.md has lost the markers around its weights table. Put back "${WEIGHTS_TABLE_START}" and "${WEIGHTS_TABLE_END}" around it.`,
    );
  }
  return `${text.slice(0, start + WEIGHTS_TABLE_START.length)}\n\n${renderWeightsTable()}\n\n${text.slice(end)}`;
}
