import { ACTIVATION_TITLES } from '../catalog/activations';
import type { GraphDocument, GraphNode } from '../graph/document';
import { nodeDisplayName } from '../graph/document';
import { checkNodeParams } from '../graph/node-params';
import { analyzeGraph } from '../inference/analyze';
import { plural } from '../text/plural';
import type { GoalOf } from './goals';
import { describeBounds, withinBounds } from './bounds';
import type { GoalVerdict } from './goal-verdict';

/** Layers a student counts: all but the Input and Output ends. */
function countedLayers(graph: GraphDocument, kind: string | undefined): GraphNode[] {
  return graph.nodes.filter((node) =>
    kind === undefined ? node.kind !== 'Input' && node.kind !== 'Output' : node.kind === kind,
  );
}

/** The layers a goal is about: one by id, those of a kind, or every layer. */
function chosenLayers(
  graph: GraphDocument,
  goal: { node?: string | undefined; layer?: string | undefined },
): GraphNode[] {
  if (goal.node !== undefined) return graph.nodes.filter((node) => node.id === goal.node);
  return countedLayers(graph, goal.layer);
}

function paramsOf(node: GraphNode): Record<string, unknown> {
  const checked = checkNodeParams(node, node.params);
  return checked.ok ? checked.params : node.params;
}

/** The layers a goal names, in words: a layer by its label (never its id), a kind, or any. */
function whichLayers(
  graph: GraphDocument,
  goal: { node?: string | undefined; layer?: string | undefined },
): string {
  if (goal.node !== undefined) {
    const node = graph.nodes.find((n) => n.id === goal.node);
    return node ? `the layer ${nodeDisplayName(node)}` : 'the layer the goal names';
  }
  return goal.layer === undefined ? 'any layer' : `any ${goal.layer} layer`;
}

/**
 * Without a kind the goal counts the layers between the Input and the Output, and says so: the
 * footer under the canvas counts the Input and the Output too.
 */
export function layersVerdict(graph: GraphDocument, goal: GoalOf<'layers'>): GoalVerdict {
  const count = countedLayers(graph, goal.layer).length;
  const what =
    goal.layer === undefined
      ? `${plural(count, 'layer')} between the Input and the Output`
      : plural(count, `${goal.layer} layer`);
  return {
    met: withinBounds(count, goal),
    detail: `The network has ${what} (the goal: ${describeBounds(goal)}).`,
  };
}

export function unitsVerdict(graph: GraphDocument, goal: GoalOf<'units'>): GoalVerdict {
  const sized = chosenLayers(graph, goal)
    .map((node) => ({ node, units: paramsOf(node)['units'] }))
    .filter(
      (entry): entry is { node: GraphNode; units: number } => typeof entry.units === 'number',
    );
  if (sized.length === 0) return { met: false, detail: noUnitsDetail(graph, goal) };
  const fitting = sized.find((entry) => withinBounds(entry.units, goal));
  const shown = fitting ?? sized[0]!;
  return {
    met: fitting !== undefined,
    detail: `${nodeDisplayName(shown.node)} has ${plural(shown.units, 'unit')} (the goal: ${describeBounds(goal)}).`,
  };
}

function noUnitsDetail(graph: GraphDocument, goal: GoalOf<'units'>): string {
  if (goal.node === undefined) {
    return `The network has no ${whichLayers(graph, goal).replace(/^any /, '')} with units yet.`;
  }
  const node = graph.nodes.find((n) => n.id === goal.node);
  return node
    ? `${nodeDisplayName(node)} has no units to count.`
    : 'The layer this goal names is no longer in the network: start the lab again or undo the change that removed it.';
}

export function parametersVerdict(graph: GraphDocument, goal: GoalOf<'parameters'>): GoalVerdict {
  const analysis = analyzeGraph(graph);
  const total = analysis.totals.total;
  if (analysis.errorCount > 0) {
    return {
      met: false,
      detail: `The network has ${plural(analysis.errorCount, 'error')}; its parameters are counted once they are fixed.`,
    };
  }
  return {
    met: withinBounds(total, goal),
    detail: `The network has ${total.toLocaleString('en-US')} parameters (the goal: ${describeBounds(goal)}).`,
  };
}

export function activationVerdict(graph: GraphDocument, goal: GoalOf<'activation'>): GoalVerdict {
  const layers = chosenLayers(graph, goal);
  const using = layers.find((node) => paramsOf(node)['activation'] === goal.is);
  const wanted = ACTIVATION_TITLES[goal.is];
  if (using) return { met: true, detail: `${nodeDisplayName(using)} uses ${wanted}.` };
  if (layers.length === 0) {
    return {
      met: false,
      detail:
        goal.node !== undefined
          ? 'The layer this goal names is no longer in the network: start the lab again or undo the change that removed it.'
          : `The network has no ${whichLayers(graph, goal).replace(/^any /, '')} yet.`,
    };
  }
  return {
    met: false,
    detail: `No layer the goal is about uses ${wanted} yet (${whichLayers(graph, goal)}).`,
  };
}

/**
 * A skip connection: an Add or Concatenate fed both by a layer and by a layer that comes after
 * it, so the earlier output jumps over the layers between (a ResNet block's shortcut).
 */
export function skipConnectionVerdict(graph: GraphDocument): GoalVerdict {
  const sources = new Map<string, string[]>();
  for (const edge of graph.edges) {
    sources.set(edge.target.node, [...(sources.get(edge.target.node) ?? []), edge.source.node]);
  }
  const ancestorsOf = (id: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [...(sources.get(id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(sources.get(next) ?? []));
    }
    return seen;
  };
  for (const node of graph.nodes) {
    if (node.kind !== 'Add' && node.kind !== 'Concatenate') continue;
    const inputs = sources.get(node.id) ?? [];
    const skipping = inputs.find((early) =>
      inputs.some((late) => late !== early && ancestorsOf(late).has(early)),
    );
    if (skipping !== undefined) {
      const from = graph.nodes.find((n) => n.id === skipping);
      return {
        met: true,
        detail: `${nodeDisplayName(node)} adds the output of ${from ? nodeDisplayName(from) : skipping} past the layers after it.`,
      };
    }
  }
  return {
    met: false,
    detail: 'No Add or Concatenate joins a layer’s output with that of a later layer yet.',
  };
}
