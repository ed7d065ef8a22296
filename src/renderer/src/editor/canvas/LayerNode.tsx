import type { NodeProps } from '@xyflow/react';
import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';
import type { PortSpec } from '../../../../shared/catalog/types';
import { useFace } from './face-store';
import type { LayerFlowNode } from './flow-model';

/** One layer on the canvas: kind, name, key settings, output shape, parameters, problems. */
function LayerNodeView({ id, selected }: NodeProps<LayerFlowNode>) {
  const face = useFace(id);
  if (!face) return <div className="layer-node" />;
  const hasError = face.errors.length > 0;
  const className = [
    'layer-node',
    hasError ? 'layer-node-has-error' : '',
    selected ? 'layer-node-selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} title={face.kindSummary}>
      <Ports ports={face.inputPorts} type="target" />
      <div className="layer-node-head">
        <span className="layer-node-kind">{face.kindTitle}</span>
        <span className="layer-node-name">{face.name}</span>
      </div>
      {face.settings && <div className="layer-node-settings">{face.settings}</div>}
      <div className="layer-node-facts">
        <span className="layer-node-shape">{face.outputShape ?? '?'}</span>
        <span className="layer-node-params">{face.parameters} params</span>
      </div>
      {hasError && (
        <p className="layer-node-error" role="alert">
          {face.errors[0]}
          {face.errors.length > 1 && ` (+${face.errors.length - 1} more)`}
        </p>
      )}
      <Ports ports={face.outputPorts} type="source" />
    </div>
  );
}

/**
 * A card's connection dots, spread along its top (inputs) or bottom (outputs). Memoized on the
 * port list, which stays the same array while the ports do, so an edit that only changes the
 * card's words does not redraw them.
 */
const Ports = memo(function Ports({
  ports,
  type,
}: {
  readonly ports: readonly PortSpec[];
  readonly type: 'source' | 'target';
}) {
  return ports.map((port, index) => (
    <Handle
      key={port.id}
      id={port.id}
      type={type}
      position={type === 'target' ? Position.Top : Position.Bottom}
      title={port.label}
      style={{ left: `${((index + 1) / (ports.length + 1)) * 100}%` }}
    />
  ));
});

export const LayerNode = memo(LayerNodeView);
