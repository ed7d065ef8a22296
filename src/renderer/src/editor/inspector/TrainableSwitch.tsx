import { useId } from 'react';
import type { ParamCount } from '../../../../shared/catalog/types';
import type { GraphNode } from '../../../../shared/graph/document';
import { isTrainable } from '../../../../shared/graph/document';
import { plural } from '../../../../shared/text/plural';
import type { EditorHistory } from '../model';

interface TrainableSwitchProps {
  readonly history: EditorHistory;
  readonly node: GraphNode;
  /** The layer's weights as the analysis counts them (all non-trainable once it is frozen). */
  readonly params: ParamCount;
  /** Whether the layer keeps statistics by averaging (batch normalization's mean and variance). */
  readonly keepsStatistics: boolean;
}

/**
 * The layer's "Trainable" switch: off freezes the layer, so training leaves its weights as they
 * are while the other layers learn (fine-tuning an imported or earlier network). One undo step
 * per change.
 */
export function TrainableSwitch({ history, node, params, keepsStatistics }: TrainableSwitchProps) {
  const id = useId();
  const trainable = isTrainable(node);
  const count = plural(params.trainable + params.nonTrainable, 'weight');
  return (
    <div className="inspector-field inspector-trainable" data-param="trainable">
      <label className="inspector-check" htmlFor={`${id}-input`}>
        <input
          id={`${id}-input`}
          type="checkbox"
          role="switch"
          checked={trainable}
          aria-describedby={`${id}-help`}
          onChange={(event) =>
            history.apply({ type: 'setTrainable', id: node.id, trainable: event.target.checked })
          }
        />
        <span className="inspector-label-text">Trainable</span>
      </label>
      <p className="inspector-help" id={`${id}-help`}>
        {trainable
          ? `On: training changes this layer's ${count}. Switch it off to freeze the layer and keep what it has learnt while the other layers train, as when you fine-tune an imported network.`
          : `Off: the layer is frozen. Training leaves its ${count} as they are; only the other layers learn.${keepsStatistics ? ' Its running mean and variance stay too: it normalizes with them while training, as when it predicts.' : ''}`}
      </p>
    </div>
  );
}
