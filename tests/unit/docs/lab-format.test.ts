import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GOAL_KINDS } from '../../../src/shared/labs/goals';
import { LOCKABLE_SETTINGS } from '../../../src/shared/labs/lab-document';
import { describeLabProblems, parseLab } from '../../../src/shared/labs/parse-lab';

/*
 * docs/lab-format.md is what teachers write labs from: its example must open, it must name
 * every goal kind and lockable setting there is, and the error it quotes must be Neurite's.
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const doc = readFileSync(path.join(root, 'docs', 'lab-format.md'), 'utf8');
const example = /^```yaml\n([\s\S]*?)^```$/m.exec(doc)?.[1] ?? '';

describe('docs/lab-format.md', () => {
  it('has a complete example that Neurite opens', () => {
    const parsed = parseLab(example);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('describes every goal kind and every setting a lab may lock', () => {
    for (const kind of GOAL_KINDS) expect(doc).toMatch(new RegExp(`^\\| \`${kind}\` +\\|`, 'm'));
    for (const setting of LOCKABLE_SETTINGS) expect(doc).toContain(`\`${setting}\``);
  });

  it('quotes the message Neurite really gives for an unknown goal kind', () => {
    const broken = example.replace('kind: units', 'kind: accuracy');
    const parsed = parseLab(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const message = describeLabProblems('week3.neurite-lab.yaml', parsed.problems);
    expect(doc).toContain(`\`\`\`text\n${message}\n\`\`\``);
  });

  it('quotes the message Neurite really gives for a field indented too far, at its line', () => {
    const broken = example.replace('        atMost: 9', '          atMost: 9');
    const parsed = parseLab(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const line = broken.split('\n').findIndex((l) => l === '          atMost: 9') + 1;
    expect(parsed.problems.map((p) => p.line)).toEqual([line]);
    const message = describeLabProblems('week3.neurite-lab.yaml', parsed.problems);
    expect(doc).toContain(`\`\`\`text\n${message}\n\`\`\``);
  });
});
