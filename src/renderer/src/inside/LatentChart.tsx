import { useEffect, useRef, useState } from 'react';
import { useApiQuery } from '../api';
import { AnswerError } from './AnswerError';
import type { DataPart, ExamplesPage } from '../../../shared/inside/inside-schemas';
import { classColor } from '../data/class-colors';
import { CHART_CONFIG, COLORS } from '../training/charts/chart-style';
import type { Data, Layout } from '../training/charts/plotly';
import { usePlotly } from '../training/charts/use-plotly';
import { formatValue, layerTitle } from './model/answers';
import { imagePicture } from './model/picture';
import { PictureCanvas } from './PictureCanvas';

/**
 * Where a layer puts each example of the part: its own two values, or its first two principal
 * components (said on the axes), coloured by class; for an autoencoder, the examples it
 * rebuilds worst, which open in the details.
 */
export function LatentChart({
  runId,
  part,
  page,
  onOpenExample,
}: {
  readonly runId: string;
  readonly part: DataPart;
  readonly page: ExamplesPage;
  readonly onOpenExample: (index: number) => void;
}) {
  const [nodeId, setNodeId] = useState<string>('');
  const latent = useApiQuery('runs.latent', {
    runId,
    part,
    ...(nodeId ? { nodeId } : {}),
  });
  // The answer for the part and layer asked, not the last one while a new one is computed.
  const data = latent.loading ? undefined : latent.data;
  const ref = useRef<HTMLDivElement>(null);
  const { plotly, failed: notLoaded } = usePlotly();
  const [notDrawn, setNotDrawn] = useState(false);

  useEffect(() => {
    const div = ref.current;
    if (!plotly || !div || !data) return;
    const labels = [...new Set(data.points.map((p) => p.label ?? -1))].sort((a, b) => a - b);
    const traces = labels.map((label) => {
      const points = data.points.filter((p) => (p.label ?? -1) === label);
      return {
        // SVG, not WebGL: it draws on any computer, and 2,000 points are few enough.
        type: 'scatter',
        mode: 'markers',
        name: label < 0 ? 'examples' : (page.classNames?.[label] ?? String(label)),
        x: points.map((p) => p.x),
        y: points.map((p) => p.y),
        text: points.map((p) => `example ${p.index + 1}`),
        marker: { size: 5, color: label < 0 ? COLORS.train : classColor(label) },
      };
    }) as unknown as Data[];
    const axis = (k: 0 | 1) =>
      data.method === 'pca'
        ? `principal component ${k + 1} (${Math.round(data.explained![k] * 100)}% of the variance)`
        : `value ${k + 1} of ${layerTitle(page, data.nodeId)}`;
    const layout: Partial<Layout> = {
      width: 460,
      height: 400,
      margin: { l: 56, r: 16, t: 16, b: 48 },
      font: { family: 'system-ui, sans-serif', size: 12, color: COLORS.muted },
      xaxis: { title: { text: axis(0) } },
      yaxis: { title: { text: axis(1) } },
    };
    // A drawing that throws says so instead of breaking the page.
    void Promise.resolve()
      .then(() => plotly.react(div, traces, layout, CHART_CONFIG))
      .catch(() => setNotDrawn(true));
  }, [plotly, data, page]);

  return (
    <div className="inside-latent">
      <label>
        Layer{' '}
        <select value={nodeId} onChange={(e) => setNodeId(e.target.value)}>
          <option value="">The narrowest (an autoencoder&apos;s bottleneck)</option>
          {page.layers.map((layer) => (
            <option key={layer.id} value={layer.id}>
              {layer.title} ({layer.shape.join(' × ')})
            </option>
          ))}
        </select>
      </label>
      {(notLoaded || notDrawn) && (
        <p className="training-error">
          The chart could not be drawn. Reload the page to try again.
        </p>
      )}
      {latent.error !== undefined && (
        <AnswerError
          error={latent.error}
          fallback={'The latent space could not be computed.'}
          onRetry={latent.reload}
        />
      )}
      {data && (
        <p className="section-hint">
          {data.method === 'pca'
            ? `${layerTitle(page, data.nodeId)} has more than two values per example, so the plot shows its first two principal components: the two directions in which its values vary most.`
            : `Each example at the values ${layerTitle(page, data.nodeId)} gives it.`}
          {` The first ${data.points.length.toLocaleString('en-US')} examples are shown.`}
        </p>
      )}
      <div
        ref={ref}
        data-chart="latent-space"
        role="img"
        aria-label={
          data
            ? `Latent space of ${data.nodeId}: ${data.points.length} examples, ${data.method === 'pca' ? 'first two principal components' : 'its own values'}`
            : 'Latent space, being computed'
        }
      />
      {data?.outliers && (
        <>
          <h5>The most unusual examples</h5>
          <p className="section-hint">
            Of the examples shown, the ones the network rebuilds worst (mean squared error of the
            reconstruction): the course&apos;s outlier detection.
          </p>
          <ol className="inside-outliers" aria-label="Most unusual examples">
            {data.outliers.map((outlier) => (
              <li key={outlier.index}>
                <button
                  type="button"
                  className="inside-tile"
                  aria-label={`Example ${outlier.index + 1}: error ${formatValue(outlier.error)}`}
                  onClick={() => onOpenExample(outlier.index)}
                >
                  {outlier.values && outlier.rebuilt && page.pictureShape && (
                    <span className="inside-pair">
                      <PictureCanvas
                        layers={[imagePicture(outlier.values, page.pictureShape)]}
                        size={48}
                        label={`Example ${outlier.index + 1}`}
                      />
                      <PictureCanvas
                        layers={[imagePicture(outlier.rebuilt, page.pictureShape)]}
                        size={48}
                        label={`Example ${outlier.index + 1} as the network rebuilt it`}
                      />
                    </span>
                  )}
                  <span className="inside-tile-answer">
                    Example {outlier.index + 1}: error {formatValue(outlier.error)}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
