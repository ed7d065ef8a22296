/**
 * Limits that stop a network from being built when it could never fit in memory, checked
 * from counts alone so that nothing is allocated first.
 */
export const BYTES_PER_VALUE = 4; // float32

/** Weights beyond this (1 GiB of float32) are refused: no classroom machine trains them. */
export const MAX_PARAMETER_BYTES = 1024 ** 3;

/** TF.js cannot hold a tensor with more elements than this. */
export const MAX_ELEMENTS_PER_SAMPLE = 2 ** 31 - 1;

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** What the memory figure is computed from: an analysis' totals. */
export interface MemoryTotals {
  /** Parameters, trainable or not. */
  readonly total: number;
  readonly parameterBytes: number;
  readonly activationBytesPerSample: number;
}

/**
 * The one memory figure Neurite shows for a network, wherever it shows one (the editor's
 * summary, the template browser): what running it on one example takes, its weights plus the
 * output of every layer for that example.
 */
export function memoryToRun(totals: MemoryTotals): number {
  return totals.parameterBytes + totals.activationBytesPerSample;
}

/** The memory figure explained, for its tooltip: what it counts and what training adds. */
export function describeMemoryToRun(totals: MemoryTotals): string {
  const perSample = formatBytes(totals.activationBytesPerSample);
  return (
    `About ${formatBytes(memoryToRun(totals))} to run the network on one example: the weights ` +
    `(${formatCount(totals.total)} parameters × ${BYTES_PER_VALUE} bytes = ${formatBytes(totals.parameterBytes)}) plus the output ` +
    `of every layer for that example (${perSample}). Training needs ` +
    `more: every example in a batch adds ${perSample}, and the ` +
    'gradients and the optimizer keep about three more copies of the weights.'
  );
}

/** "1,234,567" — counts as students read them. */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
