import type { DatasetPreviewResult, FitEdit } from '../../../shared/data/dataset-preview';
import { ClassBalance } from './ClassBalance';
import { countText, describeFeatures, describeLabels, shapeText } from './model/describe-data';
import { FitCheck } from './FitCheck';
import { ImageGrid } from './ImageGrid';
import { ScatterPlot } from './ScatterPlot';
import { SeriesPreview } from './SeriesPreview';
import { TablePreview } from './TablePreview';
import { VocabularyList } from './VocabularyList';

/** The chosen data set: what it holds, whether it fits the network, examples and classes. */
export function PreviewPane({
  result,
  refreshing,
  targets,
  onApplyFixes,
  applyError,
}: {
  result: DatasetPreviewResult;
  /** The network changed and the fit is being checked again. */
  refreshing: boolean;
  /** CSV: the target columns' names, marked in the table. */
  targets?: readonly string[];
  /** Applies fixes from the fit check to the network. */
  onApplyFixes?: ((edits: readonly FitEdit[]) => void) | undefined;
  /** Why the network refused the last fix applied. */
  applyError?: string | undefined;
}) {
  const { info, preview, classBalance, fit } = result;
  const classes = info.classNames?.length ?? 0;
  return (
    <div className="data-preview">
      <header className="data-preview-header">
        <h2 className="data-preview-title">{info.title}</h2>
        <dl className="data-facts">
          <div>
            <dt>Task</dt>
            <dd>{info.task}</dd>
          </div>
          <div>
            <dt>Examples</dt>
            <dd>
              {countText(info.count)}
              {info.testCount !== undefined && ` + ${countText(info.testCount, 'test example')}`}
            </dd>
          </div>
          <div>
            <dt>Each example</dt>
            <dd>
              {describeFeatures(info)}{' '}
              <span className="data-shape">{shapeText(info.featureShape)}</span>
            </dd>
          </div>
          <div>
            <dt>To predict</dt>
            <dd>
              {describeLabels(info)}
              {info.task === 'classification' && (
                <span className="data-shape">
                  {classes === 2 ? '1 output (yes/no), or 2' : `${classes} outputs`}
                </span>
              )}
              {info.task === 'regression' && (
                <span className="data-shape">
                  {shapeText(info.targetShape ?? [info.targetSize])}
                </span>
              )}
            </dd>
          </div>
          {info.vocabularySize !== undefined && (
            <div>
              <dt>Vocabulary</dt>
              <dd>{countText(info.vocabularySize, 'word id')}</dd>
            </div>
          )}
        </dl>
      </header>

      <FitCheck fit={fit} checking={refreshing} onApply={onApplyFixes} applyError={applyError} />

      <section className="data-section" aria-label="Examples">
        <h3 className="data-section-title">Examples</h3>
        {preview.kind === 'table' && <TablePreview table={preview} targets={targets} />}
        {preview.kind === 'images' && <ImageGrid images={preview} />}
        {preview.kind === 'scatter' && (
          <ScatterPlot scatter={preview} classNames={info.classNames} />
        )}
        {preview.kind === 'series' && <SeriesPreview series={preview} />}
      </section>

      {info.frequentWords && info.frequentWords.length > 0 && info.vocabularySize && (
        <VocabularyList words={info.frequentWords} vocabularySize={info.vocabularySize} />
      )}

      {classBalance && (
        <section className="data-section" aria-label="Classes">
          <h3 className="data-section-title">Examples per class</h3>
          <ClassBalance counts={classBalance} />
        </section>
      )}

      {info.notes.length > 0 && (
        <section className="data-section" aria-label="Notes">
          <h3 className="data-section-title">Notes</h3>
          <ul className="data-notes">
            {info.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
