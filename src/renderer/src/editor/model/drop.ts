import { findKind } from '../../../../shared/catalog/registry';
import type { GraphDocument, GraphEdge, GraphNode } from '../../../../shared/graph/document';
import { nodeDisplayName } from '../../../../shared/graph/document';
import type { Change, Position } from './changes';
import { applyChanges } from './changes';
import { canConnect } from './connections';
import { IdAllocator } from './ids';
import type { NodeSize } from './layout';
import { DEFAULT_NODE_SIZE } from './layout';
import { NEW_NODE_SIZE, PLACEMENT_GAP, freePosition } from './placement';

/**
 * Where and how a new layer joins the network (as in MATLAB's Deep Network Designer and
 * ComfyUI): dropped onto a connection it goes in between; added next to the selected layer
 * it comes after it; otherwise it lands where it was dropped, clear of the other layers.
 */
export interface DropRequest {
  readonly kind: string;
  /** Where the student wants the card's top-left corner. */
  readonly at: Position;
  /** Measured card sizes, by layer id; unmeasured ones count with the typical size. */
  readonly sizes: ReadonlyMap<string, NodeSize>;
  /** The connection the layer was dropped onto. */
  readonly ontoEdge?: string;
  /** The layer to add it after: the one selected layer, when the drop is next to it. */
  readonly after?: string;
}

export interface DropPlan {
  /** One batch: a single undo step. */
  readonly change: Change;
  readonly nodeId: string;
  /** How it was wired: between two layers, after one, or not at all. */
  readonly wiring: 'between' | 'after' | 'none';
  /** Why it could not be wired in as asked, for the status line; absent when it was. */
  readonly note?: string;
}

/** How far (flow px) from the selected card a drop still counts as "next to it". */
export const NEXT_TO_DISTANCE = 160;

/** True when `point` is within NEXT_TO_DISTANCE of the layer's card. */
export function isNextTo(
  doc: GraphDocument,
  sizes: ReadonlyMap<string, NodeSize>,
  id: string,
  point: Position,
): boolean {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) return false;
  const size = sizes.get(id) ?? DEFAULT_NODE_SIZE;
  const dx = Math.max(node.position.x - point.x, 0, point.x - (node.position.x + size.width));
  const dy = Math.max(node.position.y - point.y, 0, point.y - (node.position.y + size.height));
  return Math.hypot(dx, dy) <= NEXT_TO_DISTANCE;
}

export function planDrop(doc: GraphDocument, request: DropRequest): DropPlan {
  const ids = new IdAllocator(doc);
  const nodeId = ids.nodeId(request.kind);
  const loose = (note?: string): DropPlan => ({
    change: {
      type: 'batch',
      changes: [
        {
          type: 'addNode',
          node: {
            id: nodeId,
            kind: request.kind,
            position: freePosition(doc, request.sizes, request.at),
            params: {},
          },
        },
      ],
    },
    nodeId,
    wiring: 'none',
    ...(note ? { note } : {}),
  });

  const edge = request.ontoEdge ? doc.edges.find((e) => e.id === request.ontoEdge) : undefined;
  const after = request.after ? doc.nodes.find((n) => n.id === request.after) : undefined;
  if (!edge && !after) return loose();
  if (!findKind(request.kind)) return loose();

  // Between the ends of the connection; after a layer that feeds one other, between them too.
  const outgoing = after ? doc.edges.filter((e) => e.source.node === after.id) : [];
  const split: GraphEdge | undefined = edge ?? (outgoing.length === 1 ? outgoing[0] : undefined);
  const source = doc.nodes.find((n) => n.id === (split?.source.node ?? after?.id))!;
  const size = request.sizes.get(source.id) ?? DEFAULT_NODE_SIZE;
  const position = {
    x: Math.round(edge ? request.at.x : source.position.x),
    y: Math.round(source.position.y + size.height + PLACEMENT_GAP),
  };
  const room = makeRoom(doc, request.sizes, source.id, position.y + NEW_NODE_SIZE.height);
  // Clear of the layers that are not moved out of its way (a branch beside it).
  const moved = { ...doc, nodes: doc.nodes.map((n) => movedNode(n, room)) };
  const node: GraphNode = {
    id: nodeId,
    kind: request.kind,
    position: freePosition(moved, request.sizes, position),
    params: {},
  };
  const changes: Change[] = room ? [room] : [];
  changes.push({ type: 'addNode', node });
  if (split) changes.push({ type: 'removeEdges', ids: [split.id] });

  let trial = applyChanges(doc, changes);
  if (!trial.ok) return loose(trial.message);
  const added = trial.doc.nodes.find((n) => n.id === nodeId)!;
  const kind = findKind(added.kind)!;
  const input = kind.inputPorts(added.params)[0];
  const output = kind.outputPorts[0];
  const name = nodeDisplayName(added);
  const links: { source: GraphEdge['source']; target: GraphEdge['target'] }[] = [];
  // An Input added next to a layer simply lands there; dropped onto a connection, it says why.
  if (!input) return loose(edge ? `${name} takes no input, so it was not connected.` : undefined);
  links.push({
    source: split?.source ?? { node: source.id, port: 'out' },
    target: { node: nodeId, port: input.id },
  });
  if (split) {
    if (!output) return loose(`${name} has no output, so it cannot go between two layers.`);
    links.push({ source: { node: nodeId, port: output.id }, target: split.target });
  }
  for (const link of links) {
    const check = canConnect(trial.doc, link.source, link.target);
    if (!check.ok) return loose(`${name} was not connected: ${check.reason}`);
    const addEdge: Change = { type: 'addEdge', edge: { id: ids.edgeId(), ...link } };
    trial = applyChanges(trial.doc, [addEdge]);
    if (!trial.ok) return loose(trial.message);
    changes.push(addEdge);
  }
  return { change: { type: 'batch', changes }, nodeId, wiring: split ? 'between' : 'after' };
}

function movedNode(node: GraphNode, room: Change | undefined): GraphNode {
  const to = room?.type === 'moveNodes' ? room.positions[node.id] : undefined;
  return to ? { ...node, position: to } : node;
}

/**
 * Moves everything fed by `source` that sits below it down, so a card ending at `bottom` fits
 * under `source` with a gap before the next: one `moveNodes`, or undefined when it fits.
 */
function makeRoom(
  doc: GraphDocument,
  sizes: ReadonlyMap<string, NodeSize>,
  source: string,
  bottom: number,
): Change | undefined {
  const from = doc.nodes.find((n) => n.id === source)!;
  const below = downstream(doc, source)
    .map((id) => doc.nodes.find((n) => n.id === id)!)
    .filter(
      (n) => n.position.y > from.position.y + (sizes.get(from.id) ?? DEFAULT_NODE_SIZE).height / 2,
    );
  if (below.length === 0) return undefined;
  const shift = bottom + PLACEMENT_GAP - Math.min(...below.map((n) => n.position.y));
  if (shift <= 0) return undefined;
  const positions: Record<string, Position> = {};
  for (const n of below) positions[n.id] = { x: n.position.x, y: n.position.y + shift };
  return { type: 'moveNodes', positions };
}

/** The layers reached from `start` along connections, without it. */
function downstream(doc: GraphDocument, start: string): string[] {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i += 1) {
    for (const edge of doc.edges) {
      if (edge.source.node === queue[i] && !seen.has(edge.target.node)) {
        seen.add(edge.target.node);
        queue.push(edge.target.node);
      }
    }
  }
  return queue.slice(1);
}
