import { findKind } from '../../../../shared/catalog/registry';
import type { GraphDocument, GraphEdge, GraphNode } from '../../../../shared/graph/document';
import {
  NODE_ID_PATTERN,
  metadataSchema,
  nodeDisplayName,
} from '../../../../shared/graph/document';
import { checkNodeParams } from '../../../../shared/graph/node-params';
import { describeIssue } from '../../../../shared/graph/problems';

/**
 * Every edit the canvas makes to a document, as data (React Flow's typed changes). They are
 * applied in one place, `applyChange`, which validates them, never mutates its input, and
 * returns the change that undoes them: history is made of these pairs (tldraw's diffs).
 */

export type Position = GraphNode['position'];
export type Metadata = GraphDocument['metadata'];

export type Change =
  /** `index` places the node in `nodes` (default: at the end); undo of a removal uses it. */
  | { readonly type: 'addNode'; readonly node: GraphNode; readonly index?: number }
  /** Also removes every connection to or from these nodes. */
  | { readonly type: 'removeNodes'; readonly ids: readonly string[] }
  | { readonly type: 'moveNodes'; readonly positions: Readonly<Record<string, Position>> }
  /** Merged into the node's params and checked against its kind. */
  | {
      readonly type: 'setParams';
      readonly id: string;
      readonly params: Readonly<Record<string, unknown>>;
    }
  /** `undefined` or blank removes the label, so the node is named by its id again. */
  | { readonly type: 'setLabel'; readonly id: string; readonly label: string | undefined }
  /** Freezes a layer (false) or lets it learn again (true): see GraphNode's `trainable`. */
  | { readonly type: 'setTrainable'; readonly id: string; readonly trainable: boolean }
  | { readonly type: 'addEdge'; readonly edge: GraphEdge; readonly index?: number }
  | { readonly type: 'removeEdges'; readonly ids: readonly string[] }
  /** Merged into the metadata; a key set to `undefined` is removed. */
  | { readonly type: 'setMetadata'; readonly metadata: Readonly<Partial<Metadata>> }
  /** Several changes that succeed or fail together: a paste, a delete, an undo step. */
  | { readonly type: 'batch'; readonly changes: readonly Change[] };

export type ApplyResult =
  | { readonly ok: true; readonly doc: GraphDocument; readonly inverse: Change }
  | {
      readonly ok: false;
      /** A sentence for the student: what is wrong and what to do. */
      readonly message: string;
      /** The parameter or property at fault (`units`, `label`), for the inspector to mark. */
      readonly field?: string;
    };

type Failure = Extract<ApplyResult, { ok: false }>;

const MAX_LABEL_LENGTH = 200;

/** Applies one change. Unchanged nodes, edges and arrays keep their identity. */
export function applyChange(doc: GraphDocument, change: Change): ApplyResult {
  switch (change.type) {
    case 'addNode':
      return addNode(doc, change.node, change.index);
    case 'removeNodes':
      return removeNodes(doc, change.ids);
    case 'moveNodes':
      return moveNodes(doc, change.positions);
    case 'setParams':
      return setParams(doc, change.id, change.params);
    case 'setLabel':
      return setLabel(doc, change.id, change.label);
    case 'setTrainable':
      return setTrainable(doc, change.id, change.trainable);
    case 'addEdge':
      return addEdge(doc, change.edge, change.index);
    case 'removeEdges':
      return removeEdges(doc, change.ids);
    case 'setMetadata':
      return setMetadata(doc, change.metadata);
    case 'batch':
      return applyBatch(doc, change.changes);
  }
}

/** Applies changes in order as one batch: all of them, or none. */
export function applyChanges(doc: GraphDocument, changes: readonly Change[]): ApplyResult {
  return applyBatch(doc, changes);
}

function fail(message: string, field?: string): Failure {
  return field === undefined ? { ok: false, message } : { ok: false, message, field };
}

function missingNode(id: string): Failure {
  return fail(`There is no layer "${id}" in this network; it may have been deleted.`);
}

function insertAt<T>(items: readonly T[], item: T, index: number | undefined): T[] {
  const at = index === undefined ? items.length : Math.max(0, Math.min(index, items.length));
  return [...items.slice(0, at), item, ...items.slice(at)];
}

function validateParams(
  node: Pick<GraphNode, 'id' | 'kind' | 'label'>,
  params: Record<string, unknown>,
): { ok: true; params: Record<string, unknown> } | Failure {
  const check = checkNodeParams(node, params);
  if (check.ok) return check;
  const first = check.problems[0]!;
  return fail(first.message, first.field ?? (findKind(node.kind) ? undefined : 'kind'));
}

function addNode(doc: GraphDocument, node: GraphNode, index: number | undefined): ApplyResult {
  if (!NODE_ID_PATTERN.test(node.id)) {
    return fail(
      `"${node.id}" cannot name a layer: it must start with a letter and use only letters, digits, _ or - (at most 64).`,
      'id',
    );
  }
  if (doc.nodes.some((n) => n.id === node.id)) {
    return fail(
      `There is already a layer called "${node.id}"; every layer needs its own id.`,
      'id',
    );
  }
  if (node.label !== undefined && node.label.length > MAX_LABEL_LENGTH) {
    return fail(`A label can have at most ${MAX_LABEL_LENGTH} characters.`, 'label');
  }
  if (!Number.isFinite(node.position.x) || !Number.isFinite(node.position.y)) {
    return fail(`${nodeDisplayName(node)} has no valid position on the canvas.`, 'position');
  }
  const checked = validateParams(node, node.params);
  if (!checked.ok) return checked;
  const added: GraphNode = { ...node, params: checked.params };
  return {
    ok: true,
    doc: { ...doc, nodes: insertAt(doc.nodes, added, index) },
    inverse: { type: 'removeNodes', ids: [node.id] },
  };
}

function removeNodes(doc: GraphDocument, ids: readonly string[]): ApplyResult {
  const removing = new Set(ids);
  const present = new Set(doc.nodes.map((n) => n.id));
  for (const id of removing) if (!present.has(id)) return missingNode(id);
  if (removing.size === 0) return { ok: true, doc, inverse: { type: 'batch', changes: [] } };

  // Undo re-inserts each node and connection where it was, lowest index first.
  const restore: Change[] = [];
  const nodes: GraphNode[] = [];
  doc.nodes.forEach((node, index) => {
    if (removing.has(node.id)) restore.push({ type: 'addNode', node, index });
    else nodes.push(node);
  });
  const edges: GraphEdge[] = [];
  doc.edges.forEach((edge, index) => {
    if (removing.has(edge.source.node) || removing.has(edge.target.node)) {
      restore.push({ type: 'addEdge', edge, index });
    } else edges.push(edge);
  });
  return {
    ok: true,
    doc: { ...doc, nodes, edges: edges.length === doc.edges.length ? doc.edges : edges },
    inverse: { type: 'batch', changes: restore },
  };
}

function moveNodes(doc: GraphDocument, positions: Readonly<Record<string, Position>>): ApplyResult {
  const ids = Object.keys(positions);
  const present = new Set(doc.nodes.map((n) => n.id));
  for (const id of ids) {
    if (!present.has(id)) return missingNode(id);
    const p = positions[id]!;
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      return fail(`Layer "${id}" cannot be moved to a position that is not a number.`, 'position');
    }
  }
  const previous: Record<string, Position> = {};
  const nodes = doc.nodes.map((node) => {
    const next = positions[node.id];
    if (!next || !Object.hasOwn(positions, node.id)) return node;
    previous[node.id] = node.position;
    return { ...node, position: { x: next.x, y: next.y } };
  });
  return { ok: true, doc: { ...doc, nodes }, inverse: { type: 'moveNodes', positions: previous } };
}

function replaceNode(doc: GraphDocument, index: number, node: GraphNode): GraphDocument {
  const nodes = doc.nodes.slice();
  nodes[index] = node;
  return { ...doc, nodes };
}

function setParams(
  doc: GraphDocument,
  id: string,
  params: Readonly<Record<string, unknown>>,
): ApplyResult {
  const index = doc.nodes.findIndex((n) => n.id === id);
  const node = doc.nodes[index];
  if (!node) return missingNode(id);
  const checked = validateParams(node, { ...node.params, ...params });
  if (!checked.ok) return checked;
  // Only the keys this change touched go into the inverse; the rest are unchanged.
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(params)) previous[key] = node.params[key];
  return {
    ok: true,
    doc: replaceNode(doc, index, { ...node, params: checked.params }),
    inverse: { type: 'setParams', id, params: previous },
  };
}

function setLabel(doc: GraphDocument, id: string, label: string | undefined): ApplyResult {
  const index = doc.nodes.findIndex((n) => n.id === id);
  const node = doc.nodes[index];
  if (!node) return missingNode(id);
  if (label !== undefined && label.length > MAX_LABEL_LENGTH) {
    return fail(
      `A label can have at most ${MAX_LABEL_LENGTH} characters (this one has ${label.length}).`,
      'label',
    );
  }
  const { label: before, ...rest } = node;
  // Kept as typed (undo must restore it exactly); only a blank label counts as none.
  const next: GraphNode = label !== undefined && label.trim() !== '' ? { ...rest, label } : rest;
  return {
    ok: true,
    doc: replaceNode(doc, index, next),
    inverse: { type: 'setLabel', id, label: before },
  };
}

/** A learning layer carries no `trainable` at all, as parse() stores it; a frozen one `false`. */
function setTrainable(doc: GraphDocument, id: string, trainable: boolean): ApplyResult {
  const index = doc.nodes.findIndex((n) => n.id === id);
  const node = doc.nodes[index];
  if (!node) return missingNode(id);
  const { trainable: before, ...rest } = node;
  const next: GraphNode = trainable ? rest : { ...rest, trainable: false };
  return {
    ok: true,
    doc: replaceNode(doc, index, next),
    inverse: { type: 'setTrainable', id, trainable: before !== false },
  };
}

function addEdge(doc: GraphDocument, edge: GraphEdge, index: number | undefined): ApplyResult {
  if (edge.id.length === 0 || edge.id.length > 200) {
    return fail('A connection id must have between 1 and 200 characters.', 'id');
  }
  if (doc.edges.some((e) => e.id === edge.id)) {
    return fail(`There is already a connection called "${edge.id}".`, 'id');
  }
  for (const end of [edge.source, edge.target]) {
    if (!doc.nodes.some((n) => n.id === end.node)) return missingNode(end.node);
  }
  return {
    ok: true,
    doc: { ...doc, edges: insertAt(doc.edges, edge, index) },
    inverse: { type: 'removeEdges', ids: [edge.id] },
  };
}

function removeEdges(doc: GraphDocument, ids: readonly string[]): ApplyResult {
  const removing = new Set(ids);
  const present = new Set(doc.edges.map((e) => e.id));
  for (const id of removing) {
    if (!present.has(id)) return fail(`There is no connection "${id}"; it may have been deleted.`);
  }
  const restore: Change[] = [];
  const edges: GraphEdge[] = [];
  doc.edges.forEach((edge, index) => {
    if (removing.has(edge.id)) restore.push({ type: 'addEdge', edge, index });
    else edges.push(edge);
  });
  return {
    ok: true,
    doc: removing.size === 0 ? doc : { ...doc, edges },
    inverse: { type: 'batch', changes: restore },
  };
}

function setMetadata(doc: GraphDocument, patch: Readonly<Partial<Metadata>>): ApplyResult {
  const merged: Record<string, unknown> = { ...doc.metadata };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  const parsed = metadataSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field =
      issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? '') || undefined;
    return fail(describeIssue(issue, merged, 'The network'), field);
  }
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) previous[key] = doc.metadata[key as keyof Metadata];
  return {
    ok: true,
    doc: { ...doc, metadata: parsed.data },
    inverse: { type: 'setMetadata', metadata: previous },
  };
}

function applyBatch(doc: GraphDocument, changes: readonly Change[]): ApplyResult {
  let current = doc;
  const inverses: Change[] = [];
  for (const change of changes) {
    const result = applyChange(current, change);
    if (!result.ok) return result;
    current = result.doc;
    inverses.push(result.inverse);
  }
  return { ok: true, doc: current, inverse: { type: 'batch', changes: inverses.reverse() } };
}
