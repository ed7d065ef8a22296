import type { EpochRecord } from '../../shared/api/records';
import { FIGURE_FILES } from '../../shared/export/run-results';
import type { ConfusionMatrix } from '../../shared/training/events';
import { confusionSvg } from './confusion-figure';
import { curvesSvg } from './curves-figure';
import { svgToPng } from './svg-png';

/** What a run's figures are drawn from. */
export interface FigureSource {
  /** The run's numbers per epoch, as the store keeps them; at least one epoch. */
  readonly history: readonly EpochRecord[];
  /** The run's classes, to say whose precision, recall or F1 a curve is. */
  readonly classNames?: readonly string[];
  /** The confusion matrix of the test examples, or the sentence why there is none. */
  readonly confusion: { readonly matrix: ConfusionMatrix; readonly of: string } | string;
}

export interface Figures {
  /** By file name, in the order they are listed. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Why there is no confusion matrix among them, when there is none. */
  readonly note?: string;
}

/**
 * A run's figures: its curves, and a classifier's confusion matrix, each as SVG and as PNG,
 * drawn by the same code in the app and on the command line. The same run gives the same
 * bytes.
 */
export async function figureFiles(source: FigureSource): Promise<Figures> {
  if (source.history.length === 0) throw new Error('A run without epochs has no curves to draw.');
  const text = (svg: string) => new TextEncoder().encode(svg);
  const curves = await curvesSvg(source.history, source.classNames);
  const files = new Map<string, Uint8Array>([
    [FIGURE_FILES.curvesSvg, text(curves)],
    [FIGURE_FILES.curvesPng, await svgToPng(curves)],
  ]);
  if (typeof source.confusion === 'string') return { files, note: source.confusion };
  const confusion = await confusionSvg(
    source.confusion.matrix,
    `Confusion matrix (${source.confusion.of})`,
  );
  files.set(FIGURE_FILES.confusionSvg, text(confusion));
  files.set(FIGURE_FILES.confusionPng, await svgToPng(confusion));
  return { files };
}
