import type { GraphDocument } from '../../../../shared/graph/document';
import { NODE_ID_PATTERN } from '../../../../shared/graph/document';

/** Node ids are at most 64 characters; leave room for `_` and a counter. */
const MAX_BASE_LENGTH = 50;

/**
 * The readable stem of a node id for a kind: `Dense` → `dense`, `SimpleRNN` → `simple_rnn`,
 * `MaxPool2D` → `max_pool2d`. Ids double as TF.js layer names, so students see them in errors
 * and exports: `dense_3` reads better than a random string.
 */
export function idBaseForKind(kind: string): string {
  const snake = kind
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .slice(0, MAX_BASE_LENGTH);
  return /^[a-z]/.test(snake) ? snake : `layer${snake}`.slice(0, MAX_BASE_LENGTH);
}

/**
 * Hands out ids not used in a document, nor by anything this allocator handed out before.
 * One allocator per operation (a paste, a drop) keeps a batch of new ids unique among itself.
 */
export class IdAllocator {
  private readonly taken: Set<string>;
  private readonly nextSuffix = new Map<string, number>();

  constructor(document: Pick<GraphDocument, 'nodes' | 'edges'>) {
    // Nodes and edges share one namespace here: harmless, and it keeps every id unambiguous.
    this.taken = new Set([...document.nodes.map((n) => n.id), ...document.edges.map((e) => e.id)]);
  }

  /** `dense_1`, `dense_2`, …: the lowest free number for the kind. */
  nodeId(kind: string): string {
    const id = this.next(idBaseForKind(kind), '_');
    if (!NODE_ID_PATTERN.test(id)) throw new Error(`Generated an invalid node id "${id}".`);
    return id;
  }

  /** `e1`, `e2`, …: the lowest free number. */
  edgeId(): string {
    return this.next('e', '');
  }

  private next(base: string, separator: string): string {
    let n = this.nextSuffix.get(base) ?? 1;
    while (this.taken.has(`${base}${separator}${n}`)) n += 1;
    const id = `${base}${separator}${n}`;
    this.taken.add(id);
    this.nextSuffix.set(base, n + 1);
    return id;
  }
}

/** A fresh id for one new node of `kind`. */
export function freshNodeId(document: Pick<GraphDocument, 'nodes' | 'edges'>, kind: string) {
  return new IdAllocator(document).nodeId(kind);
}

/** A fresh id for one new connection. */
export function freshEdgeId(document: Pick<GraphDocument, 'nodes' | 'edges'>) {
  return new IdAllocator(document).edgeId();
}
