import { describeParams } from '../catalog/param-fields';
import type { ParamField } from '../catalog/param-fields';
import { findKind } from '../catalog/registry';
import type { GraphDocument, GraphEdge, GraphNode } from './document';

/** Most phrases a change is told in; the rest are counted ("and 3 more changes"). */
export const MAX_CHANGE_PHRASES = 4;

/**
 * What changed from one version of a network to the next, in short phrases for the history
 * list: "added Dense", "hidden: units 8 → 16", "connected x → hidden", "moved layers". The
 * first version (no `before`) is "first saved version"; versions that differ only in what the
 * network is called say "no change to the layers". Layers are matched by id, connections by
 * the ports they join.
 */
export function describeGraphChange(
  before: GraphDocument | undefined,
  after: GraphDocument,
  max = MAX_CHANGE_PHRASES,
): string[] {
  if (!before) return ['first saved version'];
  const phrases = [...nodePhrases(before.nodes, after.nodes), ...edgePhrases(before, after)];
  if (phrases.length === 0) return ['no change to the layers'];
  if (phrases.length <= max) return phrases;
  const rest = phrases.length - (max - 1);
  return [...phrases.slice(0, max - 1), `and ${rest} more changes`];
}

function nodePhrases(before: readonly GraphNode[], after: readonly GraphNode[]): string[] {
  const old = new Map(before.map((node) => [node.id, node]));
  const now = new Map(after.map((node) => [node.id, node]));
  const added = after.filter((node) => !old.has(node.id)).map((node) => node.kind);
  const removed = before.filter((node) => !now.has(node.id)).map((node) => node.kind);
  const phrases = [...counted('added', added), ...counted('removed', removed)];
  let moved = false;
  for (const node of after) {
    const was = old.get(node.id);
    if (!was) continue;
    if (was.kind !== node.kind) {
      phrases.push(`${nameOf(node)}: ${was.kind} → ${node.kind}`);
      continue;
    }
    if ((was.label ?? '') !== (node.label ?? '')) {
      phrases.push(`renamed ${nameOf(was)} to ${nameOf(node)}`);
    }
    if ((was.trainable ?? true) !== (node.trainable ?? true)) {
      phrases.push(`${node.trainable === false ? 'froze' : 'unfroze'} ${nameOf(node)}`);
    }
    phrases.push(...paramPhrases(was, node));
    if (was.position.x !== node.position.x || was.position.y !== node.position.y) moved = true;
  }
  if (moved) phrases.push('moved layers');
  return phrases;
}

/** "added Dense", or "added 3 Dense" when several of a kind came at once. */
function counted(verb: string, kinds: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => (n === 1 ? `${verb} ${kind}` : `${verb} ${n} ${kind}`));
}

function nameOf(node: Pick<GraphNode, 'id' | 'label'>): string {
  const label = node.label?.trim();
  return label ? label : node.id;
}

function paramPhrases(was: GraphNode, node: GraphNode): string[] {
  const kind = findKind(node.kind);
  const fields = kind ? describeParams(kind) : [];
  const keys = [...new Set([...Object.keys(was.params), ...Object.keys(node.params)])];
  return keys
    .filter((key) => !same(was.params[key], node.params[key]))
    .map((key) => {
      const field = fields.find((f) => f.key === key);
      const from = valueText(was.params[key], field);
      const to = valueText(node.params[key], field);
      return `${nameOf(node)}: ${fieldName(field, key)} ${from} → ${to}`;
    });
}

/** A field's title as it reads inside a sentence: "units", "leaky slope (α)", "ReLU" kept. */
function fieldName(field: ParamField | undefined, key: string): string {
  const title = field?.title ?? key;
  return /^[A-Z][a-z]/.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
}

function valueText(value: unknown, field: ParamField | undefined): string {
  if (value === undefined || value === null) return 'none';
  if (field?.type === 'choice' && typeof value === 'string') {
    return field.optionTitles[value] ?? value;
  }
  if (Array.isArray(value)) return value.map((item) => valueText(item, undefined)).join(' × ');
  if (typeof value === 'object') {
    const type = (value as Record<string, unknown>)['type'];
    if (field?.type === 'variant' && typeof type === 'string') {
      return field.variants.find((variant) => variant.name === type)?.title ?? type;
    }
    return typeof type === 'string' ? type : 'other settings';
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function edgePhrases(before: GraphDocument, after: GraphDocument): string[] {
  const names = new Map(
    [...before.nodes, ...after.nodes].map((node) => [node.id, nameOf(node)] as const),
  );
  const key = (edge: GraphEdge) =>
    `${edge.source.node}.${edge.source.port}>${edge.target.node}.${edge.target.port}`;
  const text = (edge: GraphEdge) =>
    `${names.get(edge.source.node) ?? edge.source.node} → ${names.get(edge.target.node) ?? edge.target.node}`;
  const old = new Set(before.edges.map(key));
  const now = new Set(after.edges.map(key));
  // A connection that went with a layer added or removed is told by that layer alone.
  const oldNodes = new Set(before.nodes.map((node) => node.id));
  const newNodes = new Set(after.nodes.map((node) => node.id));
  const bothEnds = (edge: GraphEdge, nodes: ReadonlySet<string>) =>
    nodes.has(edge.source.node) && nodes.has(edge.target.node);
  return [
    ...after.edges
      .filter((edge) => !old.has(key(edge)) && bothEnds(edge, oldNodes))
      .map((edge) => `connected ${text(edge)}`),
    ...before.edges
      .filter((edge) => !now.has(key(edge)) && bothEnds(edge, newNodes))
      .map((edge) => `disconnected ${text(edge)}`),
  ];
}
