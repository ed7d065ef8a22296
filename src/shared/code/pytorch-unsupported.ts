import type { GraphDocument } from '../graph/document';
import { nodeDisplayName } from '../graph/document';

/**
 * A layer the PyTorch code cannot express, with the node it belongs to. The exporter and the
 * Code panel both show `sentenceFor`, which names the node as the student sees it.
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

  /** The refusal in words, naming the node by its kind and label, and what to do instead. */
  sentenceFor(document: Pick<GraphDocument, 'nodes'>): string {
    const node = document.nodes.find((candidate) => candidate.id === this.nodeId);
    return `${node ? nodeDisplayName(node) : this.nodeId} ${this.what}, which Neurite cannot write as PyTorch. Choose another layer or setting for it, or export to another format.`;
  }
}
