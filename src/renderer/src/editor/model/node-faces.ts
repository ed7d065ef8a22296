import { findKind } from '../../../../shared/catalog/registry';
import type { PortSpec } from '../../../../shared/catalog/types';
import type { GraphNode } from '../../../../shared/graph/document';
import type { NodeAnalysis } from '../../../../shared/inference/analyze';
import { formatCount } from '../../../../shared/inference/memory';
import { ruinousWarnings } from '../../../../shared/inference/ruinous';
import type { Shape } from '../../../../shared/shapes/shape';
import { formatShape } from '../../../../shared/shapes/shape';

/** What one layer's face shows, already worded. */
export type LayerNodeData = {
  readonly kindTitle: string;
  readonly kindSummary: string;
  /** The kind's colour and icon (see KindLook); grey and a dot for a kind Neurite lacks. */
  readonly colour: string;
  readonly icon: string;
  /** The label, or the id when there is none. */
  readonly name: string;
  /** Frozen: training leaves the layer's weights as they are. */
  readonly frozen: boolean;
  readonly settings: string;
  /** Undefined when it cannot be worked out (an error here or before). */
  readonly outputShape?: string;
  /** The same shape as numbers, for its picture; undefined when `outputShape` is. */
  readonly outputDims?: Shape;
  readonly parameters: string;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /** The warnings that will ruin training (see ruinousWarnings): shown on the card itself. */
  readonly ruinous: readonly string[];
  readonly inputPorts: readonly PortSpec[];
  readonly outputPorts: readonly PortSpec[];
};

/**
 * Remembers each layer's face between renders: an unchanged layer keeps the same data object,
 * so its memoized card is not drawn again. While a node is dragged only its position changes,
 * and only it moves; after a parameter edit only the layers whose face changed are redrawn.
 *
 * The words come in two halves kept apart: what the layer's own settings say (title, name,
 * key settings, connection dots), and what the analysis says (shape, parameters, problems). An
 * edit that changes every shape after it re-words only the second half of those layers.
 */
export class NodeDataCache {
  private readonly entries = new Map<
    string,
    { own: OwnWords; result: NodeAnalysis | undefined; data: LayerNodeData }
  >();

  get(node: GraphNode, result: NodeAnalysis | undefined): LayerNodeData {
    const entry = this.entries.get(node.id);
    const own = entry && sameOwnKey(entry.own, node) ? entry.own : ownWords(node, entry?.own);
    if (entry && entry.own === own && entry.result === result) return entry.data;
    const found = resultWords(result);
    const before = entry?.data;
    const data: LayerNodeData =
      before &&
      entry.own.words === own.words &&
      before.outputShape === found.outputShape &&
      before.parameters === found.parameters &&
      sameTexts(before.errors, found.errors) &&
      sameTexts(before.warnings, found.warnings) &&
      sameTexts(before.ruinous, found.ruinous)
        ? before
        : { ...own.words, ...found };
    this.entries.set(node.id, { own, result, data });
    return data;
  }

  /** Forgets layers that are gone. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
  }
}

type OwnFields =
  | 'kindTitle'
  | 'kindSummary'
  | 'colour'
  | 'icon'
  | 'name'
  | 'frozen'
  | 'settings'
  | 'inputPorts'
  | 'outputPorts';
type ResultFields = 'outputShape' | 'outputDims' | 'parameters' | 'errors' | 'warnings' | 'ruinous';

/** The words that come from the layer itself, and what they were worked out from. */
interface OwnWords {
  readonly kind: string;
  readonly label: string | undefined;
  readonly trainable: boolean | undefined;
  readonly params: GraphNode['params'];
  readonly words: Pick<LayerNodeData, OwnFields>;
}

/** Documents are immutable: the same params object means the same settings. */
function sameOwnKey(own: OwnWords, node: GraphNode): boolean {
  return (
    own.kind === node.kind &&
    own.label === node.label &&
    own.trainable === node.trainable &&
    own.params === node.params
  );
}

const UNKNOWN_LOOK = { colour: '#8a94a6', icon: '•' };

function ownWords(node: GraphNode, before: OwnWords | undefined): OwnWords {
  const kind = findKind(node.kind);
  let words: Pick<LayerNodeData, OwnFields> = {
    kindTitle: kind?.title ?? node.kind,
    kindSummary: kind?.summary ?? '',
    colour: kind?.look.colour ?? UNKNOWN_LOOK.colour,
    icon: kind?.look.icon ?? UNKNOWN_LOOK.icon,
    name: node.label?.trim() || node.id,
    frozen: node.trainable === false,
    settings: kind ? kind.describe(node.params) : '',
    inputPorts: kind ? kind.inputPorts(node.params) : [],
    outputPorts: kind ? kind.outputPorts : [],
  };
  if (before) {
    const old = before.words;
    // Same ports, same arrays: the card's connection dots need not be drawn again.
    if (samePorts(old, words)) {
      words = { ...words, inputPorts: old.inputPorts, outputPorts: old.outputPorts };
      if (
        old.kindTitle === words.kindTitle &&
        old.kindSummary === words.kindSummary &&
        old.colour === words.colour &&
        old.icon === words.icon &&
        old.name === words.name &&
        old.frozen === words.frozen &&
        old.settings === words.settings
      ) {
        words = old;
      }
    }
  }
  return {
    kind: node.kind,
    label: node.label,
    trainable: node.trainable,
    params: node.params,
    words,
  };
}

function resultWords(result: NodeAnalysis | undefined): Pick<LayerNodeData, ResultFields> {
  const issues = result?.issues ?? [];
  const params = result ? result.params.trainable + result.params.nonTrainable : 0;
  return {
    ...(result?.output
      ? { outputShape: formatShape(result.output.shape), outputDims: result.output.shape }
      : {}),
    parameters: formatCount(params),
    errors: issues.filter((i) => i.severity === 'error').map((i) => i.message),
    warnings: issues.filter((i) => i.severity === 'warning').map((i) => i.message),
    ruinous: ruinousWarnings(issues).map((i) => i.message),
  };
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]!));
}

function samePort(x: PortSpec, y: PortSpec): boolean {
  return x.id === y.id && x.label === y.label;
}

function samePorts(a: Pick<LayerNodeData, OwnFields>, b: Pick<LayerNodeData, OwnFields>): boolean {
  return (
    sameList(a.inputPorts, b.inputPorts, samePort) &&
    sameList(a.outputPorts, b.outputPorts, samePort)
  );
}
