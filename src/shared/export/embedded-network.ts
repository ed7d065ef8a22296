/**
 * Neurite's TF.js export keeps the network it was made from in model.json, under this key of
 * `userDefinedMetadata` (a place TF.js keeps for its users, which every loader carries along
 * and ignores): what the layers cannot say, such as the Outputs' task and loss, the labels and
 * the places on the canvas. Importing the export then gives the very network back; the layers
 * themselves are still read from the model, so any other TF.js model imports the same way.
 */
export const EMBEDDED_NETWORK_KEY = 'neurite';

export interface EmbeddedNetwork {
  /** The graph document, as the export read it. */
  readonly network: unknown;
}
