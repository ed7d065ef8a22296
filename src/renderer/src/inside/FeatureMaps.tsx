import { useState } from 'react';
import { useApiQuery } from '../api';
import { AnswerError } from './AnswerError';
import type { ExampleRef, ExamplesPage } from '../../../shared/inside/inside-schemas';
import { channelPicture, stripPicture, valueRange } from './model/picture';
import { formatValue } from './model/answers';
import { PictureCanvas } from './PictureCanvas';
import { ValueBars } from './ValueBars';

/** Most channel pictures shown for one layer. */
const MAX_CHANNELS = 32;
/** Up to this many values a layer's output is shown as labelled bars, past it as a strip. */
const MAX_BARS = 16;
const STRIP_COLUMNS = 32;

/** What a chosen layer outputs for the example: channel images for maps, values otherwise. */
export function FeatureMaps({
  runId,
  example,
  layers,
}: {
  readonly runId: string;
  readonly example: ExampleRef;
  readonly layers: ExamplesPage['layers'];
}) {
  const [nodeId, setNodeId] = useState(
    () => (layers.find((layer) => layer.convolution) ?? layers[0])?.id,
  );
  const values = useApiQuery('runs.layer', nodeId ? { runId, example, nodeId } : undefined);
  const shown = values.data?.nodeId === nodeId ? values.data : undefined;
  if (layers.length === 0) return null;
  const channels = shown?.shape[shown.shape.length - 1] ?? 0;
  // Images (height × width × channels) as one picture per channel; a sequence (steps ×
  // units: a recurrent layer's hidden state, a Conv1D's maps) as one picture of its steps.
  const maps = shown && shown.shape.length === 3;
  const sequence = shown && shown.shape.length === 2;
  return (
    <div className="inside-feature-maps">
      <h5>What a layer outputs</h5>
      <label>
        Layer{' '}
        <select value={nodeId} onChange={(e) => setNodeId(e.target.value)}>
          {layers.map((layer) => (
            <option key={layer.id} value={layer.id}>
              {layer.title} ({layer.shape.join(' × ')})
            </option>
          ))}
        </select>
      </label>
      {values.error !== undefined && (
        <AnswerError
          error={values.error}
          fallback={"The layer's output could not be computed."}
          onRetry={values.reload}
        />
      )}
      {shown && maps && (
        <ul className="inside-channels" aria-label={`Feature maps of ${nodeId}`}>
          {Array.from({ length: Math.min(channels, MAX_CHANNELS) }, (_, c) => (
            <li key={c}>
              <PictureCanvas
                layers={[channelPicture(shown.values, shown.shape, c)]}
                size={64}
                label={`Channel ${c + 1}`}
              />
            </li>
          ))}
        </ul>
      )}
      {shown && sequence && (
        <div className="inside-strip">
          <PictureCanvas
            layers={[stripPicture(shown.values, shown.shape[1]!)]}
            size={Math.min(480, Math.max(160, shown.shape[1]! * 12))}
            label={`Values of ${nodeId} over ${shown.shape[0]} steps, ${shown.shape[1]} units each`}
          />
          <p className="section-hint">
            {`Each row is a step of the sequence, first at the top; each column one of its ${shown.shape[1]} units (filters). Black is the lowest value (${formatValue(valueRange(shown.values)[0])}), white the highest (${formatValue(valueRange(shown.values)[1])}).`}
          </p>
        </div>
      )}
      {shown && !maps && !sequence && shown.values.length > MAX_BARS && (
        <div className="inside-strip">
          <PictureCanvas
            layers={[stripPicture(shown.values, STRIP_COLUMNS)]}
            size={Math.min(STRIP_COLUMNS, shown.values.length) * 14}
            label={`Values of ${nodeId}: ${shown.values.length} units`}
          />
          <p className="section-hint">
            {`${shown.values.length} units, ${STRIP_COLUMNS} to a row: black is the lowest value (${formatValue(valueRange(shown.values)[0])}), white the highest (${formatValue(valueRange(shown.values)[1])}).`}
          </p>
        </div>
      )}
      {shown && !maps && !sequence && shown.values.length <= MAX_BARS && (
        <ValueBars
          label={`Values of ${nodeId}`}
          names={shown.values.map((_, i) => `unit ${i + 1}`)}
          values={shown.values}
          signed
        />
      )}
      {shown && maps && channels > MAX_CHANNELS && (
        <p className="section-hint">
          The first {MAX_CHANNELS} of {channels} channels.
        </p>
      )}
    </div>
  );
}
