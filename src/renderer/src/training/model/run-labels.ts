import type { RunSummary } from '../../../../shared/api/records';
import type { DatasetSpec } from '../../../../shared/data/dataset-spec';
import { formatMetric, formatValue, headlineMetric, metricTitle } from './metric-names';

/** A data set in a few words: the built-in set's title, or the file or folder name. */
export function datasetLabel(
  spec: DatasetSpec,
  titles: Readonly<Record<string, string>> = {},
): string {
  switch (spec.source) {
    case 'builtin': {
      const title = titles[spec.name] ?? spec.name;
      return spec.limit ? `${title} (first ${spec.limit.toLocaleString('en')})` : title;
    }
    case 'idx':
      return baseName(spec.images);
    default:
      return baseName(spec.path);
  }
}

function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

/**
 * The number a runs list shows: the metric on the most honest data the run has (test, then
 * validation, then training), e.g. "test accuracy 97.1%"; the loss when there is no metric.
 */
export function runHeadline(metrics: Readonly<Record<string, number>> | null): string {
  if (!metrics) return '–';
  for (const prefix of ['test_', 'val_', '']) {
    const names = Object.keys(metrics)
      .filter((key) => (prefix ? key.startsWith(prefix) : !/^(test|val)_/.test(key)))
      .map((key) => key.slice(prefix.length))
      .filter((name) => name !== 'loss');
    const metric = headlineMetric(names);
    const what = prefix === 'test_' ? 'test ' : prefix === 'val_' ? 'validation ' : 'training ';
    if (metric) {
      return `${what}${metricTitle(metric).toLowerCase()} ${formatMetric(metric, metrics[prefix + metric]!)}`;
    }
    if (metrics[`${prefix}loss`] !== undefined) {
      return `${what}loss ${formatValue(metrics[`${prefix}loss`]!)}`;
    }
  }
  return '–';
}

/** Runs are numbered from the oldest: "Run 1", "Run 2", … so a legend can name them. */
export function runNames(runs: readonly RunSummary[]): ReadonlyMap<string, string> {
  const oldestFirst = [...runs].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return new Map(oldestFirst.map((run, index) => [run.id, `Run ${index + 1}`]));
}

export function formatStartedAt(iso: string): string {
  const date = new Date(iso);
  return date.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export const STATUS_TITLES: Readonly<Record<RunSummary['status'], string>> = {
  running: 'Running',
  finished: 'Finished',
  stopped: 'Stopped',
  failed: 'Failed',
};
