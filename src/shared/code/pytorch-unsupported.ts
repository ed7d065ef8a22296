/**
 * A layer the PyTorch code cannot express, with the node it belongs to. The exporter turns it
 * into a sentence naming the node; the Code panel shows the same sentence.
 */
export class PytorchUnsupportedError extends Error {
  constructor(
    readonly nodeId: string,
    /** What the node uses that PyTorch code cannot hold: "uses the activation swish". */
    readonly what: string,
  ) {
    super(`The node ${nodeId} ${what}, which Neurite cannot write as PyTorch.`);
    this.name = 'PytorchUnsupportedError';
  }
}
