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

/** "1,234,567" — counts as students read them. */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
