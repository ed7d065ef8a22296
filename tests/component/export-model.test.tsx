import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ExportModelButton } from '../../src/renderer/src/training/results/ExportModelButton';
import { FakeHost, refuse } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

/** Taking a finished run's model out of Neurite, against a fake Neurite. */

const ZIP = { fileName: 'XOR-tensorflowjs.zip', base64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' };

describe('the export button of a finished run', () => {
  it('asks for the TensorFlow.js files and saves them where the student chooses', async () => {
    const fake = new FakeHost({
      'runs.exportModel': ZIP,
      'host.saveFile': { saved: true, path: '/home/student/XOR-tensorflowjs.zip' },
    });
    renderWithHost(fake, <ExportModelButton runId="r1" />);
    expect(
      screen.getByRole<HTMLSelectElement>('combobox', { name: 'Export the trained model as' })
        .value,
    ).toBe('tfjs');
    expect(
      screen.getByText(/model.json and weights.bin, which tf.loadLayersModel reads/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
    await settle();
    expect(fake.inputsOf('runs.exportModel')).toEqual([{ runId: 'r1', format: 'tfjs' }]);
    expect(fake.inputsOf('host.saveFile')).toEqual([ZIP]);
    expect(screen.getByRole('status').textContent).toBe(
      'Saved /home/student/XOR-tensorflowjs.zip.',
    );
  });

  it('exports in the format chosen, and says what its files are', async () => {
    const fake = new FakeHost({
      'runs.exportModel': { ...ZIP, fileName: 'XOR-onnx.zip' },
      'host.saveFile': { saved: true, path: '/home/student/XOR-onnx.zip' },
    });
    renderWithHost(fake, <ExportModelButton runId="r1" />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Export the trained model as' }), {
      target: { value: 'onnx' },
    });
    expect(screen.getByText(/model.onnx, which ONNX Runtime/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
    await settle();
    expect(fake.inputsOf('runs.exportModel')).toEqual([{ runId: 'r1', format: 'onnx' }]);
    expect(screen.getByRole('status').textContent).toBe('Saved /home/student/XOR-onnx.zip.');
  });

  it('says why when the model cannot be exported', async () => {
    const fake = new FakeHost().answer('runs.exportModel', () => {
      throw refuse(
        'Dense "Threshold unit" uses the binary step, which TensorFlow.js does not have.',
        { code: 'unsupported' },
      );
    });
    renderWithHost(fake, <ExportModelButton runId="r1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(
      'Dense "Threshold unit" uses the binary step, which TensorFlow.js does not have.',
    );
    // The button can be pressed again.
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export…' }).disabled).toBe(false);
  });
});
