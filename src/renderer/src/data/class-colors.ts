/**
 * Colours for classes in charts, distinct for colour-blind readers: the eight of Okabe–Ito,
 * then grey and Paul Tol's wine, so the ten digits of MNIST each get their own colour.
 */
const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#000000',
  '#999999',
  '#882255',
] as const;

export function classColor(index: number): string {
  return PALETTE[index % PALETTE.length] as string;
}
