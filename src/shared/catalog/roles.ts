import type { GraphDocument, GraphNode } from '../graph/document';
import { findKind } from './registry';
import type { NodeRole, ValueFlow } from './types';

/** A node's place in the network, from its kind; an unknown kind counts as a layer. */
export function roleOf(node: Pick<GraphNode, 'kind'>): NodeRole {
  return findKind(node.kind)?.role ?? 'layer';
}

/** The nodes of one role, in document order: `nodesWithRole(doc, 'input')`. */
export function nodesWithRole(document: GraphDocument, role: NodeRole): GraphNode[] {
  return document.nodes.filter((node) => roleOf(node) === role);
}

/** What a node does to the values that reach it; an unknown kind computes new ones. */
export function valueFlowOf(node: Pick<GraphNode, 'kind'>): ValueFlow {
  return findKind(node.kind)?.valueFlow ?? 'computed';
}
