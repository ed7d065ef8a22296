import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NetworkTotals } from '../../src/renderer/src/components/NetworkTotals';
import { SummaryBar } from '../../src/renderer/src/editor/summary/SummaryBar';
import { inspectNetwork } from '../../src/renderer/src/inspection';
import { analyzeGraph } from '../../src/shared/inference/analyze';
import { parseGraphDocumentOrThrow } from '../../src/shared/graph/parse';

/** The template browser and the editor show one memory figure for the same network. */

const template = (id: string) =>
  parseGraphDocumentOrThrow(
    readFileSync(path.join('resources', 'templates', `${id}.json`), 'utf8'),
  );

/** The figure under `label` in a list of terms and definitions. */
function figure(list: HTMLElement, label: string): string {
  const term = within(list).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent?.trim() ?? '';
}

/** The explanation shown when the figure is pointed at. */
const help = (root: HTMLElement) =>
  within(root).getByText('Memory', { selector: 'dt' }).closest('[title]')?.getAttribute('title');

describe('the memory figure', () => {
  it.each([
    ['xor-mlp', '96 bytes'],
    ['lenet-5', '277 KB'],
  ])('of %s is %s in the template browser and in the editor', (id, expected) => {
    const doc = template(id);
    const { container: browser } = render(<NetworkTotals inspection={inspectNetwork(doc)} />);
    const inBrowser = figure(browser, 'Memory');
    const browserHelp = help(browser);
    browser.remove();
    const { container: editor } = render(
      <SummaryBar layers={doc.nodes.length} analysis={analyzeGraph(doc)} />,
    );
    expect(inBrowser).toBe(expected);
    expect(figure(editor, 'Memory')).toBe(expected);
    // Explained the same way when pointed at.
    expect(help(editor)).toMatch(/^About .* to run the network on one example/);
    expect(browserHelp).toBe(help(editor));
    expect(screen.queryAllByText('Memory for weights')).toEqual([]);
  });
});
