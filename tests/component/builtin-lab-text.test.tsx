import { describe, expect, it } from 'vitest';
import type { LabDocument } from '../../src/shared/labs/lab-document';
import { parseLab } from '../../src/shared/labs/parse-lab';
import { renderMarkdown, renderMarkdownInline } from '../../src/renderer/src/labs/markdown';

/*
 * The text of every built-in lab as the lab panel renders it: each formula is one Temml can
 * draw (a mistake would show as red source), and no dollar sign is left over from a formula
 * that did not close.
 */

const sources = import.meta.glob<string>('../../resources/labs/*.neurite-lab.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const files = Object.keys(sources).sort();

/** Every piece of Markdown in a lab, with where it is and whether it is a block. */
function texts(lab: LabDocument): { where: string; text: string; block: boolean }[] {
  const found = [{ where: 'learn', text: lab.learn, block: true }];
  lab.steps.forEach((step, s) => {
    found.push({ where: `step ${s + 1}`, text: step.instructions, block: true });
    step.hints.forEach((hint, h) =>
      found.push({ where: `step ${s + 1}, hint ${h + 1}`, text: hint, block: true }),
    );
    for (const goal of step.goals) {
      found.push({ where: `goal ${goal.id}`, text: goal.text, block: false });
      if (goal.kind === 'choice') {
        goal.choices.forEach((choice, c) =>
          found.push({ where: `goal ${goal.id}, choice ${c}`, text: choice, block: false }),
        );
      }
    }
  });
  return found;
}

describe.each(files)('the text of the built-in lab %s', (file) => {
  const parsed = parseLab(sources[file]!);

  it('renders every formula and leaves no stray dollar sign', () => {
    if (!parsed.ok) return; // builtin-labs.test.ts reports a lab that does not open
    const problems: string[] = [];
    for (const { where, text, block } of texts(parsed.lab)) {
      const html = block ? renderMarkdown(text) : renderMarkdownInline(text);
      if (html.includes('#b22222')) problems.push(`${where}: a formula Temml cannot draw`);
      if (html.replace(/<math[\s\S]*?<\/math>/g, '').includes('$')) {
        problems.push(`${where}: a $ outside any formula`);
      }
    }
    expect(problems).toEqual([]);
  });
});
