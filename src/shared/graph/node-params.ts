import { z } from 'zod';
import { findKind } from '../catalog/registry';
import type { GraphNode } from './document';
import { nodeDisplayName } from './document';
import { describeIssue } from './problems';

export interface ParamProblem {
  /** Path inside params, e.g. ['kernelSize', 1]. */
  readonly path: readonly PropertyKey[];
  /** The parameter the problem is about, for the inspector to highlight. */
  readonly field?: string;
  readonly message: string;
}

export type ParamCheck =
  | { readonly ok: true; readonly params: Record<string, unknown> }
  | { readonly ok: false; readonly problems: readonly ParamProblem[] };

/**
 * Checks a node's parameters against its kind and fills in the defaults. Every problem names
 * the node and the field, in the words parse() uses for files, so the editor's inspector and a
 * hand-written file say the same thing.
 */
export function checkNodeParams(
  node: Pick<GraphNode, 'id' | 'kind' | 'label'>,
  params: unknown,
): ParamCheck {
  const kind = findKind(node.kind);
  if (!kind) {
    return {
      ok: false,
      problems: [
        { path: [], message: `${nodeDisplayName(node)} is not a kind of layer Neurite knows.` },
      ],
    };
  }
  const parsed = kind.paramsSchema.safeParse(params ?? {});
  if (parsed.success) return { ok: true, params: parsed.data };
  const knownKeys =
    kind.paramsSchema instanceof z.ZodObject ? Object.keys(kind.paramsSchema.shape) : [];
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const field =
        issue.code === 'unrecognized_keys'
          ? issue.keys[0]
          : issue.path.length > 0
            ? String(issue.path[0])
            : undefined;
      return {
        path: issue.path,
        ...(field !== undefined ? { field } : {}),
        message: describeIssue(issue, params, nodeDisplayName(node), knownKeys),
      };
    }),
  };
}
