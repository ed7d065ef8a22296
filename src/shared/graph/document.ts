import { z } from 'zod';

/**
 * The graph document: what a student edits and what a teacher writes by hand. Stored as JSON
 * (see docs/file-format.md). Node params are validated per kind in `parse.ts`; this envelope
 * schema checks everything else.
 */
export const GRAPH_FORMAT = 'neurite-graph';
export const GRAPH_FORMAT_VERSION = 1;

/** Node ids double as TF.js layer names, so they are restricted to what TF.js accepts. */
export const NODE_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

const nodeId = z
  .string()
  .regex(
    NODE_ID_PATTERN,
    'must start with a letter and use only letters, digits, _ or - (at most 64)',
  );

export const positionSchema = z.strictObject({
  x: z.number(),
  y: z.number(),
});

export const graphNodeSchema = z.strictObject({
  id: nodeId,
  kind: z.string().min(1),
  label: z.string().max(200).optional(),
  position: positionSchema.default({ x: 0, y: 0 }),
  params: z.record(z.string(), z.unknown()).default({}),
  /**
   * False freezes the layer: training leaves its weights as they are (fine-tuning, transfer
   * learning). Absent means true, so files written before this setting existed read as before;
   * parse() drops a `true`, so a document only says it where a layer is frozen.
   */
  trainable: z.boolean().optional(),
});

export const portRefSchema = z.strictObject({
  node: nodeId,
  port: z.string().min(1),
});

export const graphEdgeSchema = z.strictObject({
  id: z.string().min(1).max(200),
  source: portRefSchema,
  target: portRefSchema,
});

export const metadataSchema = z.strictObject({
  name: z.string().max(200).default('Untitled network'),
  description: z.string().max(20_000).default(''),
  created: z.iso.datetime({ offset: true }).optional(),
  updated: z.iso.datetime({ offset: true }).optional(),
});

export const graphDocumentSchema = z.strictObject({
  format: z.literal(GRAPH_FORMAT),
  version: z.literal(GRAPH_FORMAT_VERSION),
  metadata: metadataSchema.default({ name: 'Untitled network', description: '' }),
  nodes: z.array(graphNodeSchema).max(10_000),
  edges: z.array(graphEdgeSchema).max(50_000),
});

export type GraphDocument = z.output<typeof graphDocumentSchema>;
export type GraphNode = GraphDocument['nodes'][number];
export type GraphEdge = GraphDocument['edges'][number];
export type PortRef = z.output<typeof portRefSchema>;

/** Whether training may change this node's weights (see `trainable` above). */
export function isTrainable(node: Pick<GraphNode, 'trainable'>): boolean {
  return node.trainable !== false;
}

/** How messages name a node: the kind, then the label if it has one, else its id. */
export function nodeDisplayName(node: Pick<GraphNode, 'id' | 'kind' | 'label'>): string {
  const label = node.label?.trim();
  return `${node.kind} "${label && label.length > 0 ? label : node.id}"`;
}
