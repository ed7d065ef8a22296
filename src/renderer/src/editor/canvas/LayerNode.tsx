import type { NodeProps } from '@xyflow/react';
import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';
import type { LayerFlowNode } from './flow-model';

/** One layer on the canvas: kind, name, key settings, output shape, parameters, problems. */
function LayerNodeView({ data, selected }: NodeProps<LayerFlowNode>) {
  const hasError = data.errors.length > 0;
  const className = [
    'layer-node',
    hasError ? 'layer-node-has-error' : '',
    selected ? 'layer-node-selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} title={data.kindSummary}>
      {data.inputPorts.map((port, index) => (
        <Handle
          key={port.id}
          id={port.id}
          type="target"
          position={Position.Top}
          title={port.label}
          style={{ left: `${((index + 1) / (data.inputPorts.length + 1)) * 100}%` }}
        />
      ))}
      <div className="layer-node-head">
        <span className="layer-node-kind">{data.kindTitle}</span>
        <span className="layer-node-name">{data.name}</span>
      </div>
      {data.settings && <div className="layer-node-settings">{data.settings}</div>}
      <div className="layer-node-facts">
        <span className="layer-node-shape">{data.outputShape ?? '?'}</span>
        <span className="layer-node-params">{data.parameters} params</span>
      </div>
      {hasError && (
        <p className="layer-node-error" role="alert">
          {data.errors[0]}
          {data.errors.length > 1 && ` (+${data.errors.length - 1} more)`}
        </p>
      )}
      {data.outputPorts.map((port, index) => (
        <Handle
          key={port.id}
          id={port.id}
          type="source"
          position={Position.Bottom}
          title={port.label}
          style={{ left: `${((index + 1) / (data.outputPorts.length + 1)) * 100}%` }}
        />
      ))}
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
