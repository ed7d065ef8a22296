import { findKind } from '../../../../shared/catalog/registry';
import type { GraphDocument, GraphEdge, PortRef } from '../../../../shared/graph/document';
import { nodeDisplayName } from '../../../../shared/graph/document';
import type { GraphAnalysis } from '../../../../shared/inference/analyze';
import { INCOMPLETE_NETWORK_CODES, analyzeGraph } from '../../../../shared/inference/analyze';
import type { Change } from './changes';
import { IdAllocator } from './ids';

/**
 * Whether a connection may be drawn, asked while the student drags (React Flow's
 * `isValidConnection`). The reason is shown next to the cursor, so it says what to do.
 */
export type ConnectionCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** Stable, for tests and icons: `connection.cycle`, or the analysis code (`input.rank`). */
      readonly code: string;
      readonly reason: string;
    };

export interface CanConnectOptions {
  /** The analysis of `doc` as it is, when the caller already has it (saves one run). */
  readonly analysis?: GraphAnalysis;
}

export function canConnect(
  doc: GraphDocument,
  source: PortRef,
  target: PortRef,
  options: CanConnectOptions = {},
): ConnectionCheck {
  const from = doc.nodes.find((n) => n.id === source.node);
  const to = doc.nodes.find((n) => n.id === target.node);
  if (!from) return refuse('connection.unknown-node', `There is no layer "${source.node}".`);
  if (!to) return refuse('connection.unknown-node', `There is no layer "${target.node}".`);
  if (from.id === to.id) {
    return refuse(
      'connection.same-node',
      `${nodeDisplayName(from)} cannot feed itself. Connect it to the next layer instead.`,
    );
  }
  const fromKind = findKind(from.kind);
  const toKind = findKind(to.kind);
  if (!fromKind || !toKind) {
    const unknown = fromKind ? to : from;
    return refuse(
      'connection.unknown-kind',
      `${nodeDisplayName(unknown)} is not a kind of layer Neurite knows.`,
    );
  }
  if (!fromKind.outputPorts.some((p) => p.id === source.port)) {
    return refuse(
      'connection.unknown-port',
      fromKind.outputPorts.length === 0
        ? `${nodeDisplayName(from)} is where the network ends; nothing can come out of it.`
        : `${nodeDisplayName(from)} has no output "${source.port}".`,
    );
  }
  const inputPorts = toKind.inputPorts(to.params);
  if (!inputPorts.some((p) => p.id === target.port)) {
    return refuse(
      'connection.unknown-port',
      inputPorts.length === 0
        ? `${nodeDisplayName(to)} is where data enters; it takes no incoming connections.`
        : `${nodeDisplayName(to)} has no input "${target.port}".`,
    );
  }
  if (doc.edges.some((e) => e.target.node === to.id && e.target.port === target.port)) {
    return refuse(
      'connection.port-taken',
      inputPorts.length > 1
        ? `This input of ${nodeDisplayName(to)} is already connected. Use a free one, or delete the connection first.`
        : `${nodeDisplayName(to)} already has an input. A layer reads one input; to combine several, connect them to an Add or Concatenate first.`,
    );
  }
  const loop = pathBetween(doc, to.id, from.id);
  if (loop) {
    const names = [...loop, to.id].map((id) =>
      nodeDisplayName(doc.nodes.find((n) => n.id === id)!),
    );
    return refuse(
      'connection.cycle',
      `This connection would make a loop: ${names.join(' → ')}. Data must flow one way, from Input to Output.`,
    );
  }
  return checkShapes(doc, source, target, options.analysis);
}

/** The edge that draws this connection, with a fresh id, or why it may not be drawn. */
export function connect(
  doc: GraphDocument,
  source: PortRef,
  target: PortRef,
  options: CanConnectOptions = {},
): { readonly ok: true; readonly change: Change } | Extract<ConnectionCheck, { ok: false }> {
  const check = canConnect(doc, source, target, options);
  if (!check.ok) return check;
  const edge: GraphEdge = {
    id: new IdAllocator(doc).edgeId(),
    source: { node: source.node, port: source.port },
    target: { node: target.node, port: target.port },
  };
  return { ok: true, change: { type: 'addEdge', edge } };
}

function refuse(code: string, reason: string): ConnectionCheck {
  return { ok: false, code, reason };
}

/**
 * Errors that only say the network is unfinished (not fed, leads nowhere, an input still
 * empty): a student builds in any order, so these never block a connection.
 */
function isWorkInProgress(code: string): boolean {
  return INCOMPLETE_NETWORK_CODES.has(code);
}

/** Refuses when the target gains an error it did not have: the connection causes it. */
function checkShapes(
  doc: GraphDocument,
  source: PortRef,
  target: PortRef,
  before: GraphAnalysis = analyzeGraph(doc),
): ConnectionCheck {
  const key = (issue: { code: string; message: string }) => `${issue.code}\n${issue.message}`;
  const had = new Set(
    (before.nodes.get(target.node)?.issues ?? []).filter((i) => i.severity === 'error').map(key),
  );
  const trial: GraphDocument = {
    ...doc,
    edges: [...doc.edges, { id: '(trial)', source, target }],
  };
  const after = analyzeGraph(trial).nodes.get(target.node)?.issues ?? [];
  const caused = after.find(
    (i) => i.severity === 'error' && !isWorkInProgress(i.code) && !had.has(key(i)),
  );
  return caused ? refuse(caused.code, caused.message) : { ok: true };
}

/** Node ids on a path from `start` to `goal` along existing connections, or undefined. */
function pathBetween(doc: GraphDocument, start: string, goal: string): string[] | undefined {
  const successors = new Map<string, string[]>();
  for (const edge of doc.edges) {
    const list = successors.get(edge.source.node) ?? [];
    list.push(edge.target.node);
    successors.set(edge.source.node, list);
  }
  const parent = new Map<string, string>([[start, start]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i += 1) {
    const id = queue[i]!;
    if (id === goal) {
      const path = [id];
      for (let at = id; at !== start;) {
        at = parent.get(at)!;
        path.unshift(at);
      }
      return path;
    }
    for (const next of successors.get(id) ?? []) {
      if (parent.has(next)) continue;
      parent.set(next, id);
      queue.push(next);
    }
  }
  return undefined;
}

/** The dot a connection drag started from: an output (source) or an input (target). */
export interface DragStart extends PortRef {
  readonly side: 'output' | 'input';
}

/**
 * A connection let go on a layer's body rather than on one of its dots: it goes to the layer's
 * free input when it has exactly one (from its output, when the drag began at an input), so the
 * student need not hit a small dot. Anything else is refused with what to do instead.
 */
export function connectToLayer(
  doc: GraphDocument,
  from: DragStart,
  onto: string,
  options: CanConnectOptions = {},
): ReturnType<typeof connect> {
  const other = doc.nodes.find((n) => n.id === onto);
  const kind = other && findKind(other.kind);
  if (!other || !kind || other.id === from.node) {
    // canConnect words each of these cases (no such layer, an unknown kind, itself).
    const end = { node: onto, port: 'in' };
    return from.side === 'output'
      ? connect(doc, from, end, options)
      : connect(doc, { node: onto, port: 'out' }, from, options);
  }
  if (from.side === 'input') {
    // Every kind has at most one output; one that has none (Output) is refused by canConnect.
    return connect(doc, { node: onto, port: kind.outputPorts[0]?.id ?? 'out' }, from, options);
  }
  const inputs = kind.inputPorts(other.params);
  const free = inputs.filter(
    (p) => !doc.edges.some((e) => e.target.node === onto && e.target.port === p.id),
  );
  if (free.length > 1) {
    return {
      ok: false,
      code: 'connection.choose-port',
      reason: `${nodeDisplayName(other)} has ${free.length} free inputs (${free.map((p) => p.label).join(', ')}). Let go on the dot of the one you mean.`,
    };
  }
  // No free input: canConnect says why (it takes none, or its input is taken).
  const port = free[0] ?? inputs[0];
  return connect(doc, from, { node: onto, port: port?.id ?? 'in' }, options);
}
