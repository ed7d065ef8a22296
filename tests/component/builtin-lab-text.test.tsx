import { describe, expect, it } from 'vitest';
import type { LabDocument } from '../../src/shared/labs/lab-document';
import { parseLab } from '../../src/shared/labs/parse-lab';
import { renderMarkdown, renderMarkdownInline } from '../../src/renderer/src/labs/markdown';
import { BOLD_TERMS } from './lab-text-terms';

/*
 * The text of every built-in lab as the lab panel renders it: each formula is one Temml can
 * draw (a mistake would show as red source), and no dollar sign is left over from a formula
 * that did not close; and every name it sets in bold is one the page shows.
 */

const sources = import.meta.glob<string>('../../resources/labs/*.neurite-lab.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const files = Object.keys(sources).sort();

/*
 * What the page can show: the texts of the renderer's source (string literals, template
 * literals and JSX text, with the `${…}` and `{…}` inside them standing for any words), the
 * catalog's (layer kinds, settings, activations, metrics) and the built-in data sets' titles,
 * and the templates' layer labels. Screen readers' names (aria-label) are no text on the page.
 */
const pageSources = import.meta.glob<string>(
  [
    '../../src/renderer/src/**/*.{ts,tsx}',
    '../../src/shared/**/*.ts',
    '../../src/main/data/builtin/catalog.ts',
    '../../resources/templates/*.json',
  ],
  { query: '?raw', import: 'default', eager: true },
);

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function pageTexts(): { code: string; patterns: { pattern: RegExp; literal: number }[] } {
  const patterns: { pattern: RegExp; literal: number }[] = [];
  const withHoles = (text: string, hole: RegExp) => {
    const pieces = squeeze(text).split(hole);
    // A text that is mostly holes ("${a} ${b}") would match anything.
    const literal = pieces.join('').replace(/[^\p{L}]/gu, '').length;
    if (pieces.length > 1 && literal >= 4) {
      patterns.push({ pattern: new RegExp(`^${pieces.map(escapeRegExp).join('.+')}$`), literal });
    }
  };
  const codes: string[] = [];
  for (const source of Object.values(pageSources)) {
    const code = source
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|\s)\/\/.*$/gm, '$1')
      .replace(/aria-label=(\{`[^`]*`\}|"[^"]*"|'[^']*'|\{[^}]*\})/g, '');
    codes.push(squeeze(code.replace(/&amp;/g, '&')));
    for (const [, template] of code.matchAll(/`([^`]*)`/g)) withHoles(template!, /\$\{[^}]*\}/);
    for (const [, jsx] of code.matchAll(/>([^<>]*)</g)) {
      withHoles(jsx!.replace(/&amp;/g, '&'), /\{[^{}]*\}/);
    }
  }
  return { code: codes.join('\n'), patterns };
}

const PAGE = pageTexts();

/** The labels of the layers a lab starts with, and each label's part before a colon. */
function layerLabels(lab: LabDocument): Set<string> {
  const network = 'network' in lab.start ? (lab.start.network as { nodes?: unknown }) : undefined;
  const nodes = Array.isArray(network?.nodes) ? (network.nodes as { label?: unknown }[]) : [];
  const labels = nodes.map((node) => node.label).filter((l): l is string => typeof l === 'string');
  return new Set(labels.flatMap((label) => [label, label.split(':')[0]!.trim()]));
}

/**
 * Whether a bold name is a button, tab, heading, setting or label the page shows: a whole
 * string or JSX text of the source (or its part before a colon, as a layer label "Hidden 10:
 * 32 sigmoid" is called "Hidden 10"), or a text with holes that the name fills.
 */
function onThePage(name: string, labels: ReadonlySet<string>): boolean {
  const text = squeeze(name);
  // A number is a value to type or pick, not a name.
  if (/^[\d.,\s]+$/.test(text) || labels.has(text)) return true;
  const whole = new RegExp(`['"\`>] ?${escapeRegExp(text)} ?(['"\`<]|: )`);
  if (whole.test(PAGE.code)) return true;
  // A text with holes names it when its own words are a good part of the name: "${kind} layer"
  // does not make "Settings of the layer" a name of the page.
  const letters = (t: string) => t.replace(/[^\p{L}]/gu, '').length;
  return PAGE.patterns.some(
    ({ pattern, literal }) => pattern.test(text) && literal >= 0.4 * letters(text),
  );
}

/** Every bold name in a lab's texts, with where it is. */
function boldNames(lab: LabDocument): { where: string; name: string }[] {
  return texts(lab).flatMap(({ where, text }) =>
    [...squeeze(text).matchAll(/\*\*(.+?)\*\*/g)].map((match) => ({ where, name: match[1]! })),
  );
}

describe('the bold names of the built-in labs', () => {
  it('tells a name of the page from one that is not', () => {
    const none = new Set<string>();
    for (const name of ['Start training', 'Train again', 'Runs of this project', 'Data', 'Dense']) {
      expect(onThePage(name, none), name).toBe(true);
    }
    for (const name of ['Train', 'Inspector', 'Train now', 'Settings of the layer']) {
      expect(onThePage(name, none), name).toBe(false);
    }
  });
});

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

  it('sets in bold only what the page shows (a button, tab, heading, setting or label) or a term of the course', () => {
    if (!parsed.ok) return;
    const labels = layerLabels(parsed.lab);
    const strangers = boldNames(parsed.lab)
      .filter(({ name }) => !BOLD_TERMS.has(name) && !onThePage(name, labels))
      .map(({ where, name }) => `${where}: **${name}**`);
    expect(strangers).toEqual([]);
  });
});
