import { z } from 'zod';
import { graphEdgeSchema, graphNodeSchema } from '../../../../shared/graph/document';
import type { Fragment } from './clipboard';

/**
 * Copied layers as text on the system clipboard, so they can be pasted into another project or
 * another window. Anything read back is checked: the clipboard may hold anything at all.
 */
export const SELECTION_FORMAT = 'neurite-selection';
export const SELECTION_VERSION = 1;

const payloadSchema = z.object({
  format: z.literal(SELECTION_FORMAT),
  version: z.literal(SELECTION_VERSION),
  nodes: z.array(graphNodeSchema).max(10_000),
  edges: z.array(graphEdgeSchema).max(50_000),
});

export function fragmentToText(fragment: Fragment): string {
  return JSON.stringify(
    {
      format: SELECTION_FORMAT,
      version: SELECTION_VERSION,
      nodes: fragment.nodes,
      edges: fragment.edges,
    },
    null,
    2,
  );
}

export type FragmentRead =
  | { readonly ok: true; readonly fragment: Fragment }
  | { readonly ok: false; readonly message: string };

const NOT_LAYERS =
  'The clipboard does not hold Neurite layers, so nothing was pasted. Copy layers in a Neurite editor (Ctrl+C) and paste them here.';

/** The fragment in clipboard text, or a sentence saying why there is none. */
export function fragmentFromText(text: string): FragmentRead {
  const trimmed = text.trim();
  if (trimmed === '')
    return { ok: false, message: 'The clipboard is empty, so nothing was pasted.' };
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return { ok: false, message: NOT_LAYERS };
  }
  if (
    !data ||
    typeof data !== 'object' ||
    (data as { format?: unknown }).format !== SELECTION_FORMAT
  ) {
    return { ok: false, message: NOT_LAYERS };
  }
  if ((data as { version?: unknown }).version !== SELECTION_VERSION) {
    return {
      ok: false,
      message:
        'These layers were copied from a newer version of Neurite and cannot be pasted here. Update Neurite and try again.',
    };
  }
  const parsed = payloadSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      message:
        'The copied layers are damaged (the clipboard text was changed after copying), so nothing was pasted. Copy them again.',
    };
  }
  if (parsed.data.nodes.length === 0) {
    return { ok: false, message: 'The clipboard holds no layers, so nothing was pasted.' };
  }
  return { ok: true, fragment: { nodes: parsed.data.nodes, edges: parsed.data.edges } };
}
