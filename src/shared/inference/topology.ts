/**
 * Graph walks that know nothing about layers: topological order, one cycle for the message,
 * and reachability in either direction.
 */
export interface Arc {
  readonly from: string;
  readonly to: string;
}

export interface Ordering {
  /** Every node not on or behind a cycle, sources first. */
  readonly order: readonly string[];
  /** Nodes that could not be ordered: on a cycle, or downstream of one. */
  readonly blocked: ReadonlySet<string>;
}

export function topologicalOrder(nodeIds: readonly string[], arcs: readonly Arc[]): Ordering {
  const indegree = new Map(nodeIds.map((id) => [id, 0]));
  const successors = adjacency(nodeIds, arcs, 'forward');
  for (const arc of arcs) indegree.set(arc.to, (indegree.get(arc.to) ?? 0) + 1);
  // Ready nodes are taken in document order, so the result is stable for the same document.
  const ready = nodeIds.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  for (let i = 0; i < ready.length; i += 1) {
    const id = ready[i]!;
    order.push(id);
    for (const next of successors.get(id) ?? []) {
      const remaining = (indegree.get(next) ?? 0) - 1;
      indegree.set(next, remaining);
      if (remaining === 0) ready.push(next);
    }
  }
  const ordered = new Set(order);
  return { order, blocked: new Set(nodeIds.filter((id) => !ordered.has(id))) };
}

/** One cycle through the blocked nodes, as a closed path [a, b, c, a], or undefined. */
export function findCycle(
  nodeIds: readonly string[],
  arcs: readonly Arc[],
  within: ReadonlySet<string>,
): string[] | undefined {
  const successors = adjacency(nodeIds, arcs, 'forward');
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 'open');
    stack.push(id);
    for (const next of successors.get(id) ?? []) {
      if (!within.has(next)) continue;
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of nodeIds) {
    if (within.has(id) && !state.has(id)) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return undefined;
}

export function reachableFrom(
  starts: readonly string[],
  nodeIds: readonly string[],
  arcs: readonly Arc[],
  direction: 'forward' | 'backward',
): Set<string> {
  const next = adjacency(nodeIds, arcs, direction);
  const seen = new Set(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

function adjacency(
  nodeIds: readonly string[],
  arcs: readonly Arc[],
  direction: 'forward' | 'backward',
): Map<string, string[]> {
  const map = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  for (const arc of arcs) {
    const [from, to] = direction === 'forward' ? [arc.from, arc.to] : [arc.to, arc.from];
    map.get(from)?.push(to);
  }
  return map;
}
