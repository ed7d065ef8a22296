import { findKind } from '../../../../shared/catalog/registry';
import type { PortSpec } from '../../../../shared/catalog/types';
import type { GraphNode } from '../../../../shared/graph/document';
import type { NodeAnalysis } from '../../../../shared/inference/analyze';
import { formatCount } from '../../../../shared/inference/memory';
import { formatShape } from '../../../../shared/shapes/shape';

/** What one layer's face shows, already worded. */
export type LayerNodeData = {
  readonly kindTitle: string;
  readonly kindSummary: string;
  /** The label, or the id when there is none. */
  readonly name: string;
  readonly settings: string;
  /** Undefined when it cannot be worked out (an error here or before). */
  readonly outputShape?: string;
  readonly parameters: string;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly inputPorts: readonly PortSpec[];
  readonly outputPorts: readonly PortSpec[];
};

/**
 * Remembers each layer's face between renders: an unchanged layer keeps the same data object,
 * so its memoized card is not drawn again. While a node is dragged only its position changes,
 * and only it moves; after a parameter edit only the layers whose face changed are redrawn.
 */
export class NodeDataCache {
  private readonly entries = new Map<string, { key: DataKey; data: LayerNodeData }>();

  get(node: GraphNode, result: NodeAnalysis | undefined): LayerNodeData {
    const key: DataKey = { kind: node.kind, label: node.label, params: node.params, result };
    const entry = this.entries.get(node.id);
    if (entry && sameKey(entry.key, key)) return entry.data;
    let fresh = layerNodeData(node, result);
    if (entry && sameData(entry.data, fresh)) fresh = entry.data;
    else if (entry && samePorts(entry.data, fresh)) {
      // Same ports, same arrays: the card's connection dots need not be drawn again.
      fresh = { ...fresh, inputPorts: entry.data.inputPorts, outputPorts: entry.data.outputPorts };
    }
    const data = fresh;
    this.entries.set(node.id, { key, data });
    return data;
  }

  /** Forgets layers that are gone. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
  }
}

interface DataKey {
  readonly kind: string;
  readonly label: string | undefined;
  readonly params: GraphNode['params'];
  readonly result: NodeAnalysis | undefined;
}

function sameKey(a: DataKey, b: DataKey): boolean {
  return a.kind === b.kind && a.label === b.label && a.params === b.params && a.result === b.result;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]!));
}

function samePort(x: PortSpec, y: PortSpec): boolean {
  return x.id === y.id && x.label === y.label;
}

function samePorts(a: LayerNodeData, b: LayerNodeData): boolean {
  return (
    sameList(a.inputPorts, b.inputPorts, samePort) &&
    sameList(a.outputPorts, b.outputPorts, samePort)
  );
}

function sameData(a: LayerNodeData, b: LayerNodeData): boolean {
  const sameText = (x: string, y: string) => x === y;
  return (
    a.kindTitle === b.kindTitle &&
    a.kindSummary === b.kindSummary &&
    a.name === b.name &&
    a.settings === b.settings &&
    a.outputShape === b.outputShape &&
    a.parameters === b.parameters &&
    sameList(a.errors, b.errors, sameText) &&
    sameList(a.warnings, b.warnings, sameText) &&
    samePorts(a, b)
  );
}

function layerNodeData(node: GraphNode, result: NodeAnalysis | undefined): LayerNodeData {
  const kind = findKind(node.kind);
  const issues = result?.issues ?? [];
  const params = result ? result.params.trainable + result.params.nonTrainable : 0;
  return {
    kindTitle: kind?.title ?? node.kind,
    kindSummary: kind?.summary ?? '',
    name: node.label?.trim() || node.id,
    settings: kind ? kind.describe(node.params) : '',
    ...(result?.output ? { outputShape: formatShape(result.output.shape) } : {}),
    parameters: formatCount(params),
    errors: issues.filter((i) => i.severity === 'error').map((i) => i.message),
    warnings: issues.filter((i) => i.severity === 'warning').map((i) => i.message),
    inputPorts: kind ? kind.inputPorts(node.params) : [],
    outputPorts: kind ? kind.outputPorts : [],
  };
}
