import { isNode, LineCounter, parseDocument } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import { GOAL_KINDS } from './goals';
import { LAB_FORMAT_VERSION, labDocumentSchema, MAX_LAB_BYTES } from './lab-document';
import type { LabDocument } from './lab-document';

/** One thing wrong with a lab file: where (line and field) and what. */
export interface LabProblem {
  /** 1-based line of the file, when the problem has a place in it. */
  readonly line: number | undefined;
  /** The field, counted from 1 as a teacher reads it: `step 3, goal 1, kind`; empty for the whole file. */
  readonly field: string;
  readonly message: string;
}

export type LabParseResult =
  | { readonly ok: true; readonly lab: LabDocument }
  | { readonly ok: false; readonly problems: readonly LabProblem[] };

/** At most this many problems are listed: past that, the first ones say enough. */
const MAX_PROBLEMS = 20;

/**
 * Reads a lab file (YAML). Every problem names its line and field and says what to write
 * instead; an unknown goal kind or a newer format version is refused, never skipped.
 */
export function parseLab(text: string): LabParseResult {
  if (text.length > MAX_LAB_BYTES) {
    return failed([
      {
        line: undefined,
        field: '',
        message: `The file is larger than ${MAX_LAB_BYTES / 1024 / 1024} MB; a lab file is a short text file.`,
      },
    ]);
  }
  const lines = new LineCounter();
  const document = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: true,
  });
  if (document.errors.length > 0) return failed(yamlProblems(document.errors, lines));
  const raw: unknown = document.toJS({ maxAliasCount: 100 });
  const lineOf = (path: readonly PropertyKey[]) => lineOfPath(document, lines, path);
  const early = checkVersionAndKinds(raw, lineOf);
  if (early.length > 0) return failed(early);
  const parsed = labDocumentSchema.safeParse(raw);
  if (parsed.success) return { ok: true, lab: parsed.data };
  return failed(
    parsed.error.issues.map((issue) => {
      // An unknown field is shown on its own line, with the fields that section takes.
      if (issue.code === 'unrecognized_keys') {
        const path = [...issue.path, issue.keys[0] ?? ''];
        return {
          line: lineOf(path),
          field: labFieldName(path),
          message: `"${issue.keys.join('", "')}" is not a field Neurite knows here; check its spelling against docs/lab-format.md.`,
        };
      }
      return { line: lineOf(issue.path), field: labFieldName(issue.path), message: issue.message };
    }),
  );
}

/** The problems as one message, a line per problem: "line 12, step 1, goal 2, kind: …". */
export function describeLabProblems(fileName: string, problems: readonly LabProblem[]): string {
  const listed = problems.map((problem) => `- ${where(problem)}${problem.message}`);
  return `The lab file "${fileName}" cannot be used:\n${listed.join('\n')}`;
}

function where(problem: LabProblem): string {
  const parts = [
    problem.line === undefined ? undefined : `line ${problem.line}`,
    problem.field || undefined,
  ].filter((part) => part !== undefined);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

/**
 * The format version and the goal kinds are checked first, so a newer lab or a goal kind this
 * version does not know gets one clear sentence instead of a list of mismatches.
 */
function checkVersionAndKinds(
  raw: unknown,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): LabProblem[] {
  if (!isRecord(raw)) {
    return [
      {
        line: 1,
        field: '',
        message:
          'A lab file is a YAML mapping that starts with "neuriteLab: 1"; see docs/lab-format.md.',
      },
    ];
  }
  const version = raw['neuriteLab'];
  if (typeof version === 'number' && version > LAB_FORMAT_VERSION) {
    return [
      {
        line: lineOf(['neuriteLab']),
        field: 'neuriteLab',
        message: `This lab was written for a newer Neurite (lab format ${version}; this one reads format ${LAB_FORMAT_VERSION}). Update Neurite to open it.`,
      },
    ];
  }
  const problems: LabProblem[] = [];
  const steps = Array.isArray(raw['steps']) ? raw['steps'] : [];
  steps.forEach((step: unknown, stepIndex) => {
    const goals = isRecord(step) && Array.isArray(step['goals']) ? step['goals'] : [];
    goals.forEach((goal: unknown, goalIndex) => {
      const kind = isRecord(goal) ? goal['kind'] : undefined;
      if (typeof kind !== 'string' || (GOAL_KINDS as readonly string[]).includes(kind)) return;
      const path = ['steps', stepIndex, 'goals', goalIndex, 'kind'];
      problems.push({
        line: lineOf(path),
        field: labFieldName(path),
        message: `"${kind}" is not a goal kind Neurite knows. Use one of: ${GOAL_KINDS.join(', ')}.`,
      });
    });
  });
  return problems;
}

/** The line of the deepest part of `path` the file has (a missing field: its parent's line). */
function lineOfPath(
  document: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
): number | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const node: unknown = document.getIn(path.slice(0, length) as (string | number)[], true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Array fields and what one of their items is called. */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  steps: 'step',
  goals: 'goal',
  hints: 'hint',
  choices: 'choice',
  locked: 'locked setting',
  input: 'input value',
  nodes: 'layer',
  edges: 'connection',
};

/**
 * A field as a teacher finds it in the file, counting from 1: `steps[2].goals[1].kind` is
 * "step 3, goal 2, kind"; fields inside fields keep their dots ("settings.optimizer.type").
 */
export function labFieldName(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let names: string[] = [];
  path.forEach((key, index) => {
    if (typeof key === 'number') {
      const array = names.pop() ?? String(path[index - 1] ?? 'item');
      if (names.length > 0) parts.push(names.join('.'));
      names = [];
      parts.push(`${ITEM_NAMES[array] ?? `${array} item`} ${key + 1}`);
    } else {
      names.push(String(key));
    }
  });
  if (names.length > 0) parts.push(names.join('.'));
  return parts.join(', ');
}

/** YAML errors that mean a line is indented more or less than the mapping it belongs to. */
const INDENTATION_ERRORS = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

/**
 * The file's YAML errors, as sentences. yaml reports a wrongly indented key at the value above
 * it ("Implicit keys need to be on a single line" spans from that value to the key), so the
 * line given is the one where the span ends: the key's own line.
 */
function yamlProblems(errors: readonly YAMLError[], lines: LineCounter): LabProblem[] {
  const problems: LabProblem[] = [];
  const indentation = errors.filter((error) => INDENTATION_ERRORS.has(error.code));
  for (const error of errors) {
    if (INDENTATION_ERRORS.has(error.code)) continue;
    problems.push({
      line: error.linePos?.[0].line,
      field: '',
      message: `This is not valid YAML: ${firstSentence(error.message)}`,
    });
  }
  if (indentation.length > 0) {
    const spanning = indentation.find((error) => error.code === 'MULTILINE_IMPLICIT_KEY');
    const line = spanning
      ? lines.linePos(spanning.pos[1]).line
      : lines.linePos(indentation[0]!.pos[0]).line + 1;
    problems.push({
      line,
      field: '',
      message:
        'This line is not indented as YAML expects: check the indentation of this line and the one above (a field of the same section starts in the same column, with spaces, not tabs).',
    });
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function failed(problems: LabProblem[]): LabParseResult {
  return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
