import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SummaryBar } from '../../src/renderer/src/editor/summary/SummaryBar';
import { useAnalysis } from '../../src/renderer/src/editor/canvas/use-analysis';
import { useHistoryDocument } from '../../src/renderer/src/editor/canvas/use-history';
import { Inspector } from '../../src/renderer/src/editor/inspector/Inspector';
import type { Selection } from '../../src/renderer/src/editor/model';
import { EditorHistory } from '../../src/renderer/src/editor/model';
import type { GraphDocument } from '../../src/shared/graph/document';
import { chain } from '../fixtures/build-graph';
import { FakeHost } from '../fixtures/fake-host';
import { editorTemplate } from './editor-template';
import { renderWithHost } from './render-with-host';

/** The inspector's "Trainable" switch: freezing a layer, with the counts that follow it. */

/** A built-in template, as the editor opens it. */
const template = editorTemplate;

/** The inspector with one layer selected, beside the summary bar, as the editor shows them. */
function Editor({ history, selected }: { history: EditorHistory; selected: string }) {
  const doc = useHistoryDocument(history);
  const analysis = useAnalysis(doc);
  const selection: Selection = { nodes: new Set([selected]), edges: new Set() };
  return (
    <>
      <Inspector history={history} doc={doc} analysis={analysis} selection={selection} />
      <SummaryBar layers={doc.nodes.length} analysis={analysis} />
    </>
  );
}

function open(document: GraphDocument, selected: string) {
  const history = new EditorHistory(document);
  renderWithHost(new FakeHost(), <Editor history={history} selected={selected} />);
  return history;
}

const trainableSwitch = () => screen.getByRole<HTMLInputElement>('switch', { name: 'Trainable' });
/** A figure of the summary bar under the canvas. */
const figure = (label: string) =>
  within(document.querySelector<HTMLElement>('.summary-bar')!).getByText(label, { selector: 'dt' })
    .nextElementSibling!.textContent;

describe('the Trainable switch', () => {
  it('freezes a layer: its weights leave the trainable count, and undo lets it learn again', () => {
    const history = open(template('xor-mlp'), 'hidden');
    expect(trainableSwitch().checked).toBe(true);
    expect(screen.getByText(/^On: training changes this layer's 12 weights\./)).toBeTruthy();
    expect(figure('Parameters')).toBe('17');
    expect(figure('Trainable')).toBe('17');

    fireEvent.click(trainableSwitch());

    expect(history.document.nodes.find((n) => n.id === 'hidden')!.trainable).toBe(false);
    expect(trainableSwitch().checked).toBe(false);
    expect(
      screen.getByText(
        'Off: the layer is frozen. Training leaves its 12 weights as they are; only the other layers learn.',
      ),
    ).toBeTruthy();
    expect(figure('Parameters')).toBe('17');
    expect(figure('Trainable')).toBe('5');

    act(() => {
      history.undo();
    });
    expect(trainableSwitch().checked).toBe(true);
    expect(figure('Trainable')).toBe('17');
    expect('trainable' in history.document.nodes.find((n) => n.id === 'hidden')!).toBe(false);
  });

  it('says that a frozen batch normalization keeps its running mean and variance', () => {
    open(chain({ form: 'vector', shape: [3] }, [['Dense', { units: 4 }], ['BatchNorm']]), 'l2');
    fireEvent.click(trainableSwitch());
    expect(
      screen.getByText(
        'Off: the layer is frozen. Training leaves its 16 weights as they are; only the other layers learn. Its running mean and variance stay too: it normalizes with them while training, as when it predicts.',
      ),
    ).toBeTruthy();
    expect(figure('Trainable')).toBe('16');
  });

  it('is not offered for a layer without weights', () => {
    open(chain({ form: 'vector', shape: [3] }, [['Dense', { units: 4 }], ['Dropout']]), 'l2');
    expect(screen.getByRole('heading', { name: 'Dropout' })).toBeTruthy();
    expect(screen.queryByRole('switch', { name: 'Trainable' })).toBeNull();
  });
});
