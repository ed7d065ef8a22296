import type { GraphDocument } from '../../../shared/graph/document';
import { parseGraphDocument } from '../../../shared/graph/parse';
import { MAX_GRAPH_JSON_LENGTH } from './limits';
import { StoreError } from './store-error';

/** A graph document checked and ready to store. */
export interface StorableGraph {
  readonly document: GraphDocument;
  /** The document as stored: parsed, migrated to the current format, defaults filled in. */
  readonly json: string;
  readonly nodeCount: number;
  readonly edgeCount: number;
}

/**
 * Checks a graph document as parseGraphDocument does (a work-in-progress network with shape
 * errors is fine; a malformed document is not). `where` prefixes issue paths ("graph", or ""
 * when the document is the whole input).
 */
export function storableGraph(input: unknown, where = 'graph'): StorableGraph {
  const result = parseGraphDocument(input);
  if (!result.ok) {
    const issues = result.problems.map((problem) => ({
      path: [where, problem.path].filter((part) => part !== '').join('.'),
      message: problem.message,
    }));
    const first = issues[0]!;
    const at = first.path === '' ? '' : `${first.path}: `;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : '';
    throw new StoreError(
      'invalid-input',
      `The network could not be saved: ${at}${first.message}${more}`,
      { issues },
    );
  }
  const json = JSON.stringify(result.document);
  if (json.length > MAX_GRAPH_JSON_LENGTH) {
    throw new StoreError(
      'too-large',
      `The network is too large to save (${Math.ceil(json.length / 1024 / 1024)} MB of JSON; at most ${MAX_GRAPH_JSON_LENGTH / 1024 / 1024} MB). Remove some layers or long labels.`,
    );
  }
  return {
    document: result.document,
    json,
    nodeCount: result.document.nodes.length,
    edgeCount: result.document.edges.length,
  };
}
