import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAnalysis } from '../../src/renderer/src/editor/canvas/use-analysis';
import { useHistoryDocument } from '../../src/renderer/src/editor/canvas/use-history';
import { CodePanel } from '../../src/renderer/src/editor/code/CodePanel';
import { Inspector } from '../../src/renderer/src/editor/inspector/Inspector';
import type { Selection } from '../../src/renderer/src/editor/model';
import { EditorHistory } from '../../src/renderer/src/editor/model';
import type { GraphDocument } from '../../src/shared/graph/document';
import { chain } from '../fixtures/build-graph';
import { FakeHost } from '../fixtures/fake-host';
import { editorTemplate } from './editor-template';
import { renderWithHost } from './render-with-host';

/** The editor's Code panel: the network as Keras and PyTorch code, following every edit. */

/** A built-in template, as the editor opens it. */
const template = editorTemplate;

/** The Code panel beside the inspector, as the editor lays them out, with one layer selected. */
function Editor({ history, selected }: { history: EditorHistory; selected: string }) {
  const doc = useHistoryDocument(history);
  const analysis = useAnalysis(doc);
  const selection: Selection = { nodes: new Set([selected]), edges: new Set() };
  return (
    <>
      <Inspector history={history} doc={doc} analysis={analysis} selection={selection} />
      <CodePanel doc={doc} analysis={analysis} />
    </>
  );
}

function openCode(document: GraphDocument, selected = 'hidden') {
  const history = new EditorHistory(document);
  renderWithHost(new FakeHost(), <Editor history={history} selected={selected} />);
  fireEvent.click(screen.getByRole('button', { name: /Code/ }));
  return history;
}

const code = () => screen.getByRole('region', { name: 'Code' }).querySelector('pre')?.textContent;

function setUnits(value: string) {
  const input = screen.getByLabelText('Units');
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('the Code panel', () => {
  it('is folded until opened, then shows the XOR network as Keras code', () => {
    const history = new EditorHistory(template('xor-mlp'));
    renderWithHost(new FakeHost(), <Editor history={history} selected="hidden" />);
    const toggle = screen.getByRole('button', { name: /Code/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByText('This network as Keras and PyTorch code')).toBeTruthy();
    expect(code()).toBeUndefined();

    fireEvent.click(toggle);

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('tab', { name: 'Keras' }).getAttribute('aria-selected')).toBe('true');
    const text = code()!;
    expect(text).toContain('import keras\nfrom keras import layers');
    expect(text).toContain('model = keras.Sequential(');
    expect(text).toContain('keras.Input(shape=(2,), name="inputs")');
    expect(text).toContain('layers.Dense(units=4, activation="tanh", name="hidden")');
    expect(text).toContain('layers.Dense(units=1, activation="sigmoid", name="prediction")');
    // The panel's code builds the network; it loads no weights file.
    expect(text).not.toContain('set_weights');
    expect(screen.getByRole('region', { name: 'Code' }).querySelector('pre')!.tabIndex).toBe(0);
  });

  it('writes a network that branches with the Functional API', () => {
    openCode(template('resnet-basic-block'), 'stem');
    expect(code()).toContain('block1_add = layers.Add(name="block1_add")([block1_bn2, stem])');
    expect(code()).toContain('model = keras.Model(inputs=image, outputs=classes)');
  });

  it('follows an edit in the inspector at once', () => {
    const history = openCode(template('xor-mlp'));
    setUnits('8');
    expect(history.document.nodes.find((n) => n.id === 'hidden')!.params['units']).toBe(8);
    expect(code()).toContain('layers.Dense(units=8, activation="tanh", name="hidden")');

    fireEvent.change(screen.getByLabelText('Activation'), { target: { value: 'step' } });
    expect(code()).toContain('layers.Dense(units=8, name="hidden")');
    expect(code()).toContain('def binary_step(x):');
    expect(code()).toContain('layers.Activation(activation=binary_step, name="hidden_activation")');
  });

  it('shows PyTorch in its own tab, reached with the arrow keys too', () => {
    openCode(template('xor-mlp'));
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Keras' }), { key: 'ArrowRight' });
    const pytorch = screen.getByRole('tab', { name: 'PyTorch' });
    expect(pytorch.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(pytorch);
    expect(code()).toContain('class Model(nn.Module):');
    expect(code()).not.toContain('import keras');
    fireEvent.click(screen.getByRole('tab', { name: 'Keras' }));
    expect(code()).toContain('import keras');
  });

  it('copies the code shown to the clipboard and says "Copied" until the code changes', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    stubClipboard(writeText);
    openCode(template('xor-mlp'));

    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));

    await waitFor(() => expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith(code());
    expect(writeText.mock.calls[0]![0]).toContain('name="hidden"');

    setUnits('6');
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
  });

  it('says what to do when the browser refuses to copy', async () => {
    stubClipboard(() => Promise.reject(new Error('not allowed')));
    openCode(template('xor-mlp'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() =>
      expect(
        screen.getByText(/^Copying was not allowed here\. Select the code and press Ctrl\+C/),
      ).toBeTruthy(),
    );
  });

  it('explains, instead of code, why a network with errors has none yet', () => {
    // A Dense layer cannot read token ids: the network has one error.
    openCode(chain({ form: 'tokens', shape: [5] }, [['Dense', { units: 3 }]]), 'x');
    const panel = screen.getByRole('region', { name: 'Code' });
    expect(panel.querySelector('pre')).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Copy' })).toBeNull();
    expect(within(panel).getByText(/^The network has/).textContent).toMatch(
      /^The network has 1 error, so it cannot be written as code yet\. It is: Dense "l1" .+ The code appears here once it is fixed\.$/,
    );
    fireEvent.click(screen.getByRole('tab', { name: 'PyTorch' }));
    expect(within(panel).getByText(/^The network has 1 error/)).toBeTruthy();

    // The Input made a list of numbers instead of tokens: the error is gone, the code is back.
    fireEvent.change(screen.getByLabelText('Data form'), { target: { value: 'vector' } });
    expect(within(panel).queryByText(/^The network has/)).toBeNull();
    expect(code()).toContain('class Model(nn.Module):');
  });
});
