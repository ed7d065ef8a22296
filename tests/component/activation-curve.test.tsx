import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAnalysis } from '../../src/renderer/src/editor/canvas/use-analysis';
import { useHistoryDocument } from '../../src/renderer/src/editor/canvas/use-history';
import { Inspector } from '../../src/renderer/src/editor/inspector/Inspector';
import { EditorHistory } from '../../src/renderer/src/editor/model';
import type { Selection } from '../../src/renderer/src/editor/model';
import { chain } from '../fixtures/build-graph';
import { FakeHost } from '../fixtures/fake-host';
import { renderWithHost } from './render-with-host';

/** The inspector of a selected layer draws its activation's curve and slope. */

/** The inspector as the editor shows it: following the history, with one layer selected. */
function SelectedLayer({ history, id }: { history: EditorHistory; id: string }) {
  const doc = useHistoryDocument(history);
  const analysis = useAnalysis(doc);
  const selection: Selection = { nodes: new Set([id]), edges: new Set() };
  return <Inspector history={history} doc={doc} analysis={analysis} selection={selection} />;
}

function inspect(layers: Parameters<typeof chain>[1]) {
  const history = new EditorHistory(chain({ form: 'vector', shape: [4] }, layers));
  renderWithHost(new FakeHost(), <SelectedLayer history={history} id="l1" />);
  return history;
}

const curve = (name: RegExp) => screen.getByRole('img', { name });
const paths = (svg: HTMLElement) =>
  Array.from(svg.querySelectorAll('.activation-value path')).map((p) => p.getAttribute('d'));
const valueAt = (x: string) => {
  const table = screen.getByRole('table');
  const row = within(table).getByRole('rowheader', { name: x }).closest('tr')!;
  return Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent);
};

function typeInto(label: string, text: string) {
  const input = screen.getByLabelText(label);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

describe('the activation curve in the inspector', () => {
  it("shows a Dense layer's leaky ReLU, labelled with its slope, and follows a new α", () => {
    const history = inspect([['Dense', { units: 3, activation: 'leakyRelu', leakyAlpha: 0.01 }]]);
    const before = curve(/^Leaky ReLU \(α 0\.01\): its curve f\(x\).*slope f′\(x\)/);
    const drawnBefore = paths(before);
    expect(screen.getByText('Curve: Leaky ReLU (α 0.01)')).toBeTruthy();
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(legend.textContent).toContain('f(x) = x for x ≥ 0, 0.01·x for x < 0');
    expect(legend.textContent).toContain('f′(x) = 1 for x ≥ 0, 0.01 for x < 0');
    expect(valueAt('−2')).toEqual(['−0.02', '0.01']);

    typeInto('Leaky slope (α)', '0.2');

    expect(history.document.nodes.find((n) => n.id === 'l1')!.params['leakyAlpha']).toBe(0.2);
    const after = curve(/^Leaky ReLU \(α 0\.2\)/);
    expect(paths(after)).not.toEqual(drawnBefore);
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toContain(
      'f(x) = x for x ≥ 0, 0.2·x for x < 0',
    );
    expect(valueAt('−2')).toEqual(['−0.4', '0.2']);
  });

  it('changes with the activation chosen', () => {
    inspect([['Dense', { units: 3, activation: 'relu' }]]);
    expect(curve(/^ReLU:/)).toBeTruthy();
    expect(screen.getByText(/The curve follows the course, f′\(0\) = 1/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Activation'), { target: { value: 'sigmoid' } });

    expect(screen.queryByRole('img', { name: /^ReLU:/ })).toBeNull();
    expect(curve(/^Sigmoid:/)).toBeTruthy();
    expect(valueAt('0')).toEqual(['0.5', '0.25']);
  });

  it("says in words that the step's slope is not defined at 0", () => {
    inspect([['Activation', { activation: 'step' }]]);
    expect(curve(/^Binary step:/)).toBeTruthy();
    expect(screen.getByText(/f′\(0\) is not defined/)).toBeTruthy();
    expect(valueAt('0')).toEqual(['1', 'not defined']);
  });

  it('shows softmax on a list of three scores, with the probabilities of an example', () => {
    inspect([['Dense', { units: 3, activation: 'softmax' }]]);
    expect(curve(/^Softmax:/)).toBeTruthy();
    expect(screen.getByText(/the scores are \[x, 1, 0\]/)).toBeTruthy();
    expect(valueAt('2')).toEqual(['0.6652', '0.2227']);
    expect(valueAt('0')).toEqual(['0.09003', '0.08193']);
  });

  it('has no curve for a layer without an activation', () => {
    inspect([['Dropout', { rate: 0.5 }]]);
    expect(screen.queryByRole('img')).toBeNull();
  });
});
