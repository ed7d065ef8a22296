import { render, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SummaryBar } from '../../src/renderer/src/editor/summary/SummaryBar';
import { analyzeGraph } from '../../src/shared/inference/analyze';
import { chain } from '../fixtures/build-graph';

/** The editor's footer counts warnings beside errors, and says which will ruin training. */

function figures(root: HTMLElement): string {
  return within(root)
    .getAllByRole('term')
    .map((term) => `${term.textContent} ${term.nextElementSibling?.textContent}`)
    .filter((text) => /^(Errors|Warnings)/.test(text))
    .join(' · ');
}

describe('the summary bar', () => {
  it('counts a loss that does not suit the final activation as a warning, and explains it', () => {
    const doc = chain({ form: 'vector', shape: [2] }, [['Dense', { units: 2 }]], {
      task: 'classification',
      loss: 'categoricalCrossentropy',
    });
    const { container } = render(
      <SummaryBar layers={doc.nodes.length} analysis={analyzeGraph(doc)} />,
    );
    expect(figures(container)).toBe('Errors 0 · Warnings 1');
    const warnings = within(container).getByText('Warnings', { selector: 'dt' }).closest('div')!;
    expect(warnings.className).toContain('summary-warning');
    expect(warnings.getAttribute('title')).toMatch(
      /^Training will not learn until this is fixed: .*Categorical cross-entropy.*Softmax/,
    );
  });

  it('shows no warnings for a network that fits its loss', () => {
    const doc = chain({ form: 'vector', shape: [2] }, [['Dense', { units: 1 }]]);
    const { container } = render(
      <SummaryBar layers={doc.nodes.length} analysis={analyzeGraph(doc)} />,
    );
    expect(figures(container)).toBe('Errors 0 · Warnings 0');
  });
});
