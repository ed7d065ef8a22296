import { parse as parseTolerantJson, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { findKind, kindNames } from '../catalog/registry';
import { closestMatch } from '../text/suggest';
import type { GraphDocument } from './document';
import { GRAPH_FORMAT, GRAPH_FORMAT_VERSION, graphDocumentSchema } from './document';
import { migrateDocument } from './migrations';
import type { DocumentProblem } from './problems';
import { checkNodeParams } from './node-params';
import { describeIssue, formatPath } from './problems';

export type ParseResult =
  | {
      readonly ok: true;
      readonly document: GraphDocument;
      /** Upgrades applied to an older file, to tell the user it will be saved in the new form. */
      readonly migrated: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly DocumentProblem[] };

/**
 * Reads a graph document from JSON text or an already-parsed value. Never throws: every
 * problem comes back with its JSON path and a sentence that says what to change. Parameters
 * are checked against their kind and completed with defaults.
 */
export function parseGraphDocument(input: unknown): ParseResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    if (input.trim() === '')
      return fail(
        '',
        'The file is empty. A Neurite network is a JSON object; see docs/file-format.md.',
      );
    const json = parseJson(input);
    if (!json.ok) return { ok: false, problems: [json.problem] };
    value = json.value;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('', 'A Neurite network file must hold one JSON object, starting with "{".');
  }
  const raw = value as Record<string, unknown>;
  if (raw['format'] !== GRAPH_FORMAT) {
    return fail(
      'format',
      `This is not a Neurite network: "format" must be "${GRAPH_FORMAT}" (got ${JSON.stringify(raw['format']) ?? 'nothing'}).`,
    );
  }
  const migration = migrateDocument(raw, GRAPH_FORMAT_VERSION);
  if (!migration.ok) return fail('version', migration.message);

  const envelope = graphDocumentSchema.safeParse(migration.document);
  // Parameters are checked even when the envelope has problems, so that one pass reports
  // everything there is to fix.
  const rawNodes = migration.document['nodes'];
  const params = validateParams(Array.isArray(rawNodes) ? rawNodes : []);
  if (!envelope.success) {
    const envelopeProblems = envelope.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: describeIssue(issue, migration.document),
    }));
    return { ok: false, problems: [...envelopeProblems, ...params.problems] };
  }
  const document = envelope.data;
  const problems = [...checkIdentities(document), ...params.problems];
  if (problems.length > 0) return { ok: false, problems };
  // Stored with every default filled in, so the document says exactly what will be built;
  // `trainable` is written only where a layer is frozen.
  document.nodes = document.nodes.map((node, i) => {
    const { trainable, ...rest } = node;
    return { ...rest, params: params.completed[i]!, ...(trainable === false ? { trainable } : {}) };
  });
  return { ok: true, document, migrated: migration.applied };
}

/** Parses, or throws one Error listing every problem; for tests and trusted resources. */
export function parseGraphDocumentOrThrow(input: unknown): GraphDocument {
  const result = parseGraphDocument(input);
  if (result.ok) return result.document;
  throw new Error(result.problems.map((p) => `${p.path || '(file)'}: ${p.message}`).join('\n'));
}

function fail(path: string, message: string): ParseResult {
  return { ok: false, problems: [{ path, message }] };
}

function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: DocumentProblem } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // JSON.parse does not always say where it stopped; jsonc-parser (strict settings) does.
    const errors: ParseError[] = [];
    parseTolerantJson(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const where = first ? ` at ${lineAndColumn(text, first.offset)}` : '';
    const what = first ? ` (${describeJsonError(printParseErrorCode(first.error))})` : '';
    return {
      ok: false,
      problem: {
        path: '',
        message: `The file is not valid JSON${where}${what}. Check for a missing comma, quote or bracket there.`,
      },
    };
  }
}

/** "CloseBraceExpected" → "a closing } is expected". */
function describeJsonError(code: string): string {
  const known: Record<string, string> = {
    InvalidSymbol: 'an unexpected character',
    InvalidNumberFormat: 'a badly written number',
    PropertyNameExpected: 'a "name" in double quotes is expected',
    ValueExpected: 'a value is expected',
    ColonExpected: 'a colon is expected',
    CommaExpected: 'a comma is expected',
    CloseBraceExpected: 'a closing } is expected',
    CloseBracketExpected: 'a closing ] is expected',
    EndOfFileExpected: 'the file should end here',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'comments are not allowed',
    UnexpectedEndOfString: 'a string is not closed',
    UnexpectedEndOfNumber: 'a number is cut off',
    InvalidUnicode: 'a bad \\u escape',
    InvalidEscapeCharacter: 'a bad \\ escape',
    InvalidCharacter: 'a character that is not allowed in a string',
  };
  return known[code] ?? code;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function duplicateIds(
  items: readonly { id: string }[],
  collection: 'nodes' | 'edges',
  noun: string,
): DocumentProblem[] {
  const seen = new Set<string>();
  const problems: DocumentProblem[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      problems.push({
        path: `${collection}[${i}].id`,
        message: `Two ${noun}s are called "${item.id}"; every ${noun} needs its own id.`,
      });
    }
    seen.add(item.id);
  });
  return problems;
}

function checkIdentities(document: GraphDocument): DocumentProblem[] {
  const problems = [
    ...duplicateIds(document.nodes, 'nodes', 'layer'),
    ...duplicateIds(document.edges, 'edges', 'connection'),
  ];
  const nodeIds = document.nodes.map((n) => n.id);
  const known = new Set(nodeIds);
  document.edges.forEach((edge, i) => {
    for (const end of ['source', 'target'] as const) {
      const ref = edge[end];
      if (!known.has(ref.node)) {
        const guess = closestMatch(ref.node, nodeIds);
        problems.push({
          path: `edges[${i}].${end}.node`,
          message: `Connection "${edge.id}" ${end === 'source' ? 'starts at' : 'ends at'} a layer "${ref.node}" that does not exist.${guess ? ` Did you mean "${guess}"?` : ''}`,
        });
      }
    }
  });
  return problems;
}

interface ParamsCheck {
  readonly problems: DocumentProblem[];
  /** Each node's params with defaults filled in (index-aligned with the nodes). */
  readonly completed: Record<string, unknown>[];
}

function validateParams(nodes: readonly unknown[]): ParamsCheck {
  const problems: DocumentProblem[] = [];
  const completed: Record<string, unknown>[] = [];
  nodes.forEach((raw, i) => {
    const node = (raw ?? {}) as { id?: unknown; kind?: unknown; label?: unknown; params?: unknown };
    if (typeof node.kind !== 'string') return;
    const id = typeof node.id === 'string' ? node.id : `#${i + 1}`;
    const kind = findKind(node.kind);
    if (!kind) {
      const guess = closestMatch(node.kind, kindNames());
      problems.push({
        path: `nodes[${i}].kind`,
        message: `Layer "${id}" has an unknown kind "${node.kind}".${guess ? ` Did you mean "${guess}"?` : ` Known kinds: ${kindNames().join(', ')}.`}`,
      });
      return;
    }
    const check = checkNodeParams(
      { id, kind: node.kind, label: typeof node.label === 'string' ? node.label : undefined },
      node.params ?? {},
    );
    if (check.ok) {
      completed[i] = check.params;
      return;
    }
    for (const problem of check.problems) {
      problems.push({
        path: formatPath(['nodes', i, 'params', ...problem.path]),
        message: problem.message,
      });
    }
  });
  return { problems, completed };
}
