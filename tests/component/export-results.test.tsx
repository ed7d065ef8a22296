import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ExportResultsButtons } from '../../src/renderer/src/training/results/ExportResultsButtons';
import { FakeHost, refuse } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

/** Taking a finished run's test predictions and figures out of Neurite, against a fake Neurite. */

const CSV = { fileName: 'Iris-test-predictions.csv', base64: 'ZXhhbXBsZQ0K' };
const ZIP = { fileName: 'Iris-figures.zip', base64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' };

describe('the results’ export buttons of a finished run', () => {
  it('saves the test predictions where the student chooses', async () => {
    const fake = new FakeHost({
      'runs.exportPredictions': CSV,
      'host.saveFile': { saved: true, path: '/home/student/Iris-test-predictions.csv' },
    });
    renderWithHost(fake, <ExportResultsButtons runId="r1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Test predictions (CSV)…' }));
    await settle();
    expect(fake.inputsOf('runs.exportPredictions')).toEqual([{ runId: 'r1' }]);
    expect(fake.inputsOf('host.saveFile')).toEqual([CSV]);
    expect(screen.getByRole('status').textContent).toBe(
      'Saved /home/student/Iris-test-predictions.csv.',
    );
  });

  it('saves the figures, and says why a confusion matrix is not among them', async () => {
    const note = 'This model predicts numbers, not classes, so it has no confusion matrix.';
    const fake = new FakeHost({
      'runs.exportFigures': { ...ZIP, note },
      'host.saveFile': { saved: true, path: '/home/student/Iris-figures.zip' },
    });
    renderWithHost(fake, <ExportResultsButtons runId="r1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Figures (PNG and SVG)…' }));
    await settle();
    expect(fake.inputsOf('runs.exportFigures')).toEqual([{ runId: 'r1' }]);
    // The host is handed the file alone.
    expect(fake.inputsOf('host.saveFile')).toEqual([ZIP]);
    expect(screen.getByRole('status').textContent).toBe(
      `Saved /home/student/Iris-figures.zip. ${note}`,
    );
  });

  it('keeps both buttons still while one export works', async () => {
    const fake = new FakeHost({
      'runs.exportFigures': ZIP,
      'host.saveFile': { saved: true, path: '/home/student/Iris-figures.zip' },
    }).hold('runs.exportFigures');
    renderWithHost(fake, <ExportResultsButtons runId="r1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Figures (PNG and SVG)…' }));
    await settle();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Exporting…' }).disabled).toBe(
      true,
    );
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Test predictions (CSV)…' }).disabled,
    ).toBe(true);
    fake.waiting('runs.exportFigures')[0]!.answer();
    await settle();
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Figures (PNG and SVG)…' }).disabled,
    ).toBe(false);
  });

  it('says nothing when the student cancels the Save dialog', async () => {
    const fake = new FakeHost({
      'runs.exportPredictions': CSV,
      'host.saveFile': { saved: false, path: null },
    });
    renderWithHost(fake, <ExportResultsButtons runId="r1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Test predictions (CSV)…' }));
    await settle();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why when there is nothing to export, and can be pressed again', async () => {
    const why =
      'This run kept no test examples, so it has no test predictions: its Test data was "None".';
    const fake = new FakeHost().answer('runs.exportPredictions', () => {
      throw refuse(why, { code: 'unsupported' });
    });
    renderWithHost(fake, <ExportResultsButtons runId="r1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Test predictions (CSV)…' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(why);
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Test predictions (CSV)…' }).disabled,
    ).toBe(false);
  });
});
