import { useApiQuery } from '../api';
import { AnswerError } from './AnswerError';
import { kernelPicture } from './model/picture';
import { PictureCanvas } from './PictureCanvas';
import { WeightHistogram } from './WeightHistogram';

/** Most filters drawn (AlexNet's first layer has 96; the first 64 tell the story). */
const MAX_FILTERS = 64;

/**
 * What the network learnt, as numbers: each layer's weights as a histogram against where they
 * started, and the first convolution's filters as small images.
 */
export function WeightsView({ runId }: { readonly runId: string }) {
  const weights = useApiQuery('runs.weights', { runId });
  if (weights.error !== undefined) {
    return (
      <AnswerError
        error={weights.error}
        fallback={'The weights could not be read.'}
        onRetry={weights.reload}
      />
    );
  }
  const data = weights.data;
  if (!data) return <p className="section-hint">Reading the weights…</p>;
  const kernels = data.kernels;
  const filters = kernels ? Math.min(MAX_FILTERS, kernels.shape[3]!) : 0;
  const compared = data.layers.some((layer) => layer.tensors.some((t) => t.before));
  return (
    <div className="inside-weights">
      {kernels && (
        <div>
          <h5>Filters of {kernels.title}</h5>
          <p className="section-hint">
            Each {kernels.shape[0]} × {kernels.shape[1]} filter slides over the image; light pixels
            are large weights, dark ones small or negative (one scale for all
            {kernels.shape[2] === 3 ? ', in colour' : ''}).
          </p>
          <ul className="inside-filters" aria-label={`Filters of ${kernels.title}`}>
            {Array.from({ length: filters }, (_, k) => (
              <li key={k}>
                <PictureCanvas
                  layers={[kernelPicture(kernels.values, kernels.shape, k)]}
                  size={40}
                  label={`Filter ${k + 1}`}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="section-hint">
        How each layer&apos;s weights are spread
        {compared
          ? ': bars after training, the line where they started (the same seed makes the same start).'
          : '.'}
      </p>
      <div className="inside-weight-layers">
        {data.layers.map((layer) => (
          <section key={layer.nodeId} aria-label={`Weights of ${layer.title}`}>
            <h5>{layer.title}</h5>
            {layer.tensors.map((tensor) => (
              <WeightHistogram
                key={tensor.name}
                tensor={tensor}
                label={`${layer.title} ${tensor.name}`}
              />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
