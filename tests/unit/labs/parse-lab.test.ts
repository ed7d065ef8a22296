import { describe, expect, it } from 'vitest';
import { describeLabProblems, labFieldName, parseLab } from '../../../src/shared/labs/parse-lab';

/** A small valid lab; each test breaks one thing in it. */
const LAB = `neuriteLab: 1
id: tiny
title: A tiny lab
learn: How a lab file is read.
start: { template: xor-mlp }
data: { source: builtin, name: xor }
steps:
  - title: Train
    instructions: |
      Press **Train**: $\\hat y = \\sigma(z)$.
    goals:
      - id: trained
        kind: runs
        atLeast: 1
        text: Train once.
      - id: learned
        kind: metric
        metric: accuracy
        part: train
        atLeast: 1
        text: Every row right.
`;

function problemsOf(text: string) {
  const parsed = parseLab(text);
  if (parsed.ok) throw new Error('expected the lab to be refused');
  return parsed.problems;
}

describe('parseLab', () => {
  it('reads a valid lab with defaults filled in', () => {
    const parsed = parseLab(LAB);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.lab.title).toBe('A tiny lab');
    expect(parsed.lab.locked).toEqual([]);
    expect(parsed.lab.steps[0]!.hints).toEqual([]);
    expect(parsed.lab.steps[0]!.instructions).toContain('$\\hat y = \\sigma(z)$');
    expect(parsed.lab.steps[0]!.goals.map((g) => g.kind)).toEqual(['runs', 'metric']);
  });

  it('refuses an unknown goal kind, naming its line and field', () => {
    const problems = problemsOf(LAB.replace('kind: metric', 'kind: accuracy'));
    expect(problems).toEqual([
      {
        line: 17,
        field: 'step 1, goal 2, kind',
        message: expect.stringMatching(
          /^"accuracy" is not a goal kind Neurite knows\. Use one of: layers, .*choice\.$/,
        ),
      },
    ]);
  });

  it('names the line of a bad value and of an unknown field', () => {
    const problems = problemsOf(
      LAB.replace(
        'atLeast: 1\n        text: Train once.',
        'atLeast: 0\n        colour: red\n        text: Train once.',
      ),
    );
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [14, 'step 1, goal 1, atLeast'],
      [15, 'step 1, goal 1, colour'],
    ]);
    expect(problems[1]!.message).toContain('"colour" is not a field Neurite knows here');
  });

  it('points a missing field at the section it belongs to', () => {
    const problems = problemsOf(LAB.replace('title: A tiny lab\n', ''));
    expect(problems).toEqual([{ line: 1, field: 'title', message: expect.any(String) }]);
  });

  it('refuses a lab from a newer Neurite with a message to update', () => {
    const problems = problemsOf(LAB.replace('neuriteLab: 1', 'neuriteLab: 2'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(
      /newer Neurite \(lab format 2; this one reads format 1\)\. Update Neurite/,
    );
  });

  it('refuses two goals with the same id', () => {
    const problems = problemsOf(LAB.replace('id: learned', 'id: trained'));
    expect(problems).toEqual([
      {
        line: 16,
        field: 'step 1, goal 2, id',
        message: 'the goal id "trained" is used twice; each goal needs its own',
      },
    ]);
  });

  it('reports broken YAML with its line', () => {
    const problems = problemsOf(LAB.replace('title: Train', 'title: [Train'));
    expect(problems[0]!.message).toMatch(/^This is not valid YAML: /);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(8);
  });

  it.each([
    ['over-indented', '        atLeast: 1', '          atLeast: 1', 14],
    [
      'under-indented under a value',
      '    instructions: |',
      '    instructions: Read.\n      hints: [Look]\n    more: |',
      10,
    ],
  ])('sends an %s line to its indentation, on the key’s own line', (_what, from, to, line) => {
    const problems = problemsOf(LAB.replace(from, to));
    expect(problems).toEqual([
      {
        line,
        field: '',
        message: expect.stringMatching(
          /^This line is not indented as YAML expects: check the indentation of this line and the one above/,
        ),
      },
    ]);
  });

  it('names fields inside fields with dots, and items of lists counted from 1', () => {
    expect(labFieldName(['steps', 2, 'goals', 1, 'kind'])).toBe('step 3, goal 2, kind');
    expect(labFieldName(['settings', 'optimizer', 'learningRate'])).toBe(
      'settings.optimizer.learningRate',
    );
    expect(labFieldName(['start', 'network', 'nodes', 0, 'params'])).toBe(
      'start.network, layer 1, params',
    );
    expect(labFieldName(['steps', 0, 'hints', 1])).toBe('step 1, hint 2');
  });

  it('refuses a file that is not a mapping, and a choice whose answer is not a choice', () => {
    expect(problemsOf('- just\n- a list\n')[0]!.message).toMatch(/starts with "neuriteLab: 1"/);
    const choice = LAB.replace(
      '      - id: learned',
      '      - id: pick\n        kind: choice\n        text: Pick.\n        choices: [a, b]\n        answer: 2\n      - id: learned',
    );
    expect(problemsOf(choice)).toEqual([
      {
        line: 20,
        field: 'step 1, goal 2, answer',
        message: 'answer counts choices from 0 and must name one of them',
      },
    ]);
  });

  it('says all of it in one message, a line per problem', () => {
    const message = describeLabProblems(
      'week3.neurite-lab.yaml',
      problemsOf(LAB.replace('kind: metric', 'kind: accuracy')),
    );
    expect(message.split('\n')[0]).toBe('The lab file "week3.neurite-lab.yaml" cannot be used:');
    expect(message.split('\n')[1]).toMatch(/^- line 17, step 1, goal 2, kind: "accuracy" is not/);
  });
});
