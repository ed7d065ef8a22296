import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAnalysis } from '../../src/renderer/src/editor/canvas/use-analysis';
import { useHistoryDocument } from '../../src/renderer/src/editor/canvas/use-history';
import { Inspector } from '../../src/renderer/src/editor/inspector/Inspector';
import { EditorHistory } from '../../src/renderer/src/editor/model';
import type { Selection } from '../../src/renderer/src/editor/model';
import { chain } from '../fixtures/build-graph';
import { FakeHost } from '../fixtures/fake-host';
import { renderWithHost } from './render-with-host';

/** The inspector shows a layer's settings that matter for it, and only those. */

function SelectedLayer({ history, id }: { history: EditorHistory; id: string }) {
  const doc = useHistoryDocument(history);
  const analysis = useAnalysis(doc);
  const selection: Selection = { nodes: new Set([id]), edges: new Set() };
  return <Inspector history={history} doc={doc} analysis={analysis} selection={selection} />;
}

function inspect(input: Parameters<typeof chain>[0], layers: Parameters<typeof chain>[1]) {
  const history = new EditorHistory(chain(input, layers));
  renderWithHost(new FakeHost(), <SelectedLayer history={history} id="l1" />);
  return history;
}

const shown = (label: string) => screen.queryByLabelText(label) !== null;

describe('settings that do not apply to a layer', () => {
  it('leave out the leaky slope unless the activation is leaky ReLU', () => {
    inspect({ form: 'vector', shape: [4] }, [['Dense', { units: 3, activation: 'tanh' }]]);
    expect(shown('Activation')).toBe(true);
    expect(shown('Leaky slope (α)')).toBe(false);

    fireEvent.change(screen.getByLabelText('Activation'), { target: { value: 'leakyRelu' } });
    expect(shown('Leaky slope (α)')).toBe(true);

    fireEvent.change(screen.getByLabelText('Activation'), { target: { value: 'sigmoid' } });
    expect(shown('Leaky slope (α)')).toBe(false);
  });

  it('leave out how directions combine until a recurrent layer is bidirectional', () => {
    inspect({ form: 'sequence', shape: [5, 2] }, [['LSTM', { units: 4 }]]);
    expect(shown('Bidirectional')).toBe(true);
    expect(shown('Combine directions')).toBe(false);

    fireEvent.click(screen.getByLabelText('Bidirectional'));
    expect(shown('Combine directions')).toBe(true);
  });
});
