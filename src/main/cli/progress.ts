import { heldAtText } from '../../shared/training/run-position';
import type { TrainerEvent } from '../../shared/training/events';
import { activeBackendTitle, BACKEND_TITLES } from '../../shared/training/backends';
import { formatCount } from '../../shared/inference/memory';

/**
 * How `neurite train` shows a run on a terminal: a progress bar redrawn in place on a TTY,
 * otherwise one line per epoch (good for logs and CI).
 */
export function describeEvent(event: TrainerEvent, isTTY: boolean): string | undefined {
  switch (event.type) {
    case 'started': {
      const skipped = event.backend.tried
        .filter((t) => !t.available && t.reason)
        .map((t) => `  skipped ${BACKEND_TITLES[t.backend]}: ${t.reason}`);
      const fold = event.fold ? ` (fold ${event.fold.index} of ${event.fold.of})` : '';
      return [
        `Training${fold} on ${activeBackendTitle(event.backend)}`,
        ...skipped,
        `Data: ${event.dataset.title} — ${formatCount(event.samples.train)} training, ${formatCount(event.samples.validation)} validation, ${formatCount(event.samples.test)} test examples`,
        `Parameters: ${formatCount(event.parameters.trainable + event.parameters.nonTrainable)}`,
        ...event.dataset.notes.map((n) => `Note: ${n}`),
        ...event.notes.map((n) => `Note: ${n}`),
        '',
      ].join('\n');
    }
    case 'batch': {
      if (!isTTY) return undefined;
      const width = 24;
      const done = Math.round((event.batch / event.batchesPerEpoch) * width);
      const bar = `${'='.repeat(Math.max(0, done - 1))}${done > 0 ? '>' : ''}${' '.repeat(width - done)}`;
      return `\r\x1b[2KEpoch ${event.epoch} [${bar}] ${event.batch}/${event.batchesPerEpoch}  loss ${event.loss.toFixed(4)}  ${formatCount(event.samplesPerSecond)} samples/s`;
    }
    case 'epoch': {
      const metrics = formatMetrics(event.metrics);
      const validation = event.validation
        ? `  |  val loss ${event.validation.loss.toFixed(4)} ${formatMetrics(event.validation.metrics)}`
        : '';
      const clear = isTTY ? '\r\x1b[2K' : '';
      return `${clear}Epoch ${event.epoch}/${event.epochs}  loss ${event.loss.toFixed(4)} ${metrics}${validation}  (${(event.elapsedMs / 1000).toFixed(1)} s)\n`;
    }
    case 'paused':
      return `\nPaused at epoch ${event.epoch}, batch ${event.batch}.\n`;
    case 'resumed':
      return 'Resumed.\n';
    case 'checkpoint':
      return event.reason === 'final' && event.path
        ? `Saved the model to ${event.path}\n`
        : undefined;
    case 'finished': {
      const lines = [
        '',
        event.stoppedEarly
          ? `Stopped early after epoch ${event.stoppedEarly.epoch}; the best was epoch ${event.stoppedEarly.bestEpoch}.`
          : `Finished ${event.epochsRun} epochs.`,
        `  training:   loss ${event.train.loss.toFixed(4)} ${formatMetrics(event.train.metrics)}`,
        ...(event.validation
          ? [
              `  validation: loss ${event.validation.loss.toFixed(4)} ${formatMetrics(event.validation.metrics)}`,
            ]
          : []),
        ...(event.test
          ? [
              `  test:       loss ${event.test.loss.toFixed(4)} ${formatMetrics(event.test.metrics)}`,
            ]
          : []),
        ...(event.foldMean
          ? [
              `  mean over ${event.folds?.length ?? 0} folds: loss ${event.foldMean.loss.toFixed(4)} ${formatMetrics(event.foldMean.metrics)}`,
            ]
          : []),
        ...event.notes.map((n) => `Note: ${n}`),
        '',
      ];
      return lines.join('\n');
    }
    case 'stopped':
      // Worded as the app's status says it: after the last batch trained.
      return `\nStopped ${heldAtText(event)}.${event.outDir ? ` The weights so far are in ${event.outDir}.` : ''}\n`;
    case 'failed':
      return `\nTraining failed: ${event.message}\n${event.detail ? `\nDetails:\n${event.detail}\n` : ''}`;
    case 'log':
      return `${event.level === 'warning' ? 'Warning: ' : ''}${event.message}\n`;
  }
}

const PERCENT_METRICS = new Set(['accuracy', 'precision', 'recall', 'f1', 'auc']);

export function formatMetrics(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .map(([name, value]) =>
      PERCENT_METRICS.has(name)
        ? `${name} ${(value * 100).toFixed(2)}%`
        : `${name} ${value.toFixed(4)}`,
    )
    .join('  ');
}
