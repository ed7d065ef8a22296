import type { NodeProps } from '@xyflow/react';
import { Handle, Position } from '@xyflow/react';
import type { CSSProperties } from 'react';
import { memo, useContext, useLayoutEffect, useRef } from 'react';
import type { PortSpec } from '../../../../shared/catalog/types';
import type { LayerNodeData } from '../model';
import { shapeFigure } from '../model';
import { FaceStoreContext, useFacePart } from './face-store';
import type { LayerFlowNode } from './flow-model';

/**
 * One layer on the canvas: kind, name, key settings, output shape, parameters, problems. Each
 * part reads only its own words from the face store, so an edit that changes every shape
 * updates the shape and count of each card (see `Facts`) and leaves the rest of it alone.
 */
function LayerNodeView({ id, selected }: NodeProps<LayerFlowNode>) {
  const known = useFacePart(id, isKnown);
  const hasError = useFacePart(id, hasErrors) ?? false;
  const hasRuinous = useFacePart(id, hasRuinousWarning) ?? false;
  const summary = useFacePart(id, kindSummary);
  const frozen = useFacePart(id, isFrozen) ?? false;
  const colour = useFacePart(id, kindColour);
  if (!known) return <div className="layer-node" />;
  const className = [
    'layer-node',
    frozen ? 'layer-node-frozen' : '',
    hasError ? 'layer-node-has-error' : '',
    !hasError && hasRuinous ? 'layer-node-has-warning' : '',
    selected ? 'layer-node-selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} title={summary} style={{ '--kind-colour': colour } as CSSProperties}>
      <InputPorts id={id} />
      <Head id={id} />
      <Facts id={id} />
      {hasError && <FirstError id={id} />}
      {!hasError && hasRuinous && <RuinousWarning id={id} />}
      <OutputPorts id={id} />
    </div>
  );
}

const isKnown = (): boolean => true;
const hasErrors = (face: LayerNodeData) => face.errors.length > 0;
const hasRuinousWarning = (face: LayerNodeData) => face.ruinous.length > 0;
const firstRuinous = (face: LayerNodeData) => face.ruinous[0] ?? '';
const kindSummary = (face: LayerNodeData) => face.kindSummary;
const kindTitle = (face: LayerNodeData) => face.kindTitle;
const kindColour = (face: LayerNodeData) => face.colour;
const kindIcon = (face: LayerNodeData) => face.icon;
const outputDims = (face: LayerNodeData) => face.outputDims;
const layerName = (face: LayerNodeData) => face.name;
const isFrozen = (face: LayerNodeData) => face.frozen;
const settings = (face: LayerNodeData) => face.settings;
const outputShape = (face: LayerNodeData) => face.outputShape ?? '?';
const firstError = (face: LayerNodeData) => face.errors[0] ?? '';
const errorCount = (face: LayerNodeData) => face.errors.length;
const inputPorts = (face: LayerNodeData) => face.inputPorts;
const outputPorts = (face: LayerNodeData) => face.outputPorts;

const Head = memo(function Head({ id }: { readonly id: string }) {
  const title = useFacePart(id, kindTitle);
  const icon = useFacePart(id, kindIcon);
  const name = useFacePart(id, layerName);
  const keySettings = useFacePart(id, settings);
  const frozen = useFacePart(id, isFrozen) ?? false;
  return (
    <>
      <div className="layer-node-head">
        <span className="layer-node-title">
          <span className="layer-node-icon" aria-hidden="true">
            {icon}
          </span>
          <span className="layer-node-kind">
            {title}
            {frozen && (
              <span
                className="layer-node-frozen-mark"
                role="img"
                aria-label="frozen"
                title={FROZEN_HELP}
              >
                ❄
              </span>
            )}
          </span>
        </span>
        <span className="layer-node-name">{name}</span>
      </div>
      {keySettings && <div className="layer-node-settings">{keySettings}</div>}
    </>
  );
});

const FROZEN_HELP =
  'Frozen: training leaves the weights of this layer as they are. Select it and switch "Trainable" on to let it learn again.';

/**
 * The output shape and parameter count, the words an edit upstream changes on every card after
 * it. They are written straight into the two spans when the store says this layer's face
 * changed, rather than by re-rendering: after an edit that changes 299 shapes, React would
 * otherwise schedule, render and compare 299 components only to set 600 texts. The spans have
 * no React children, so React never writes over these texts.
 */
const Facts = memo(function Facts({ id }: { readonly id: string }) {
  const store = useContext(FaceStoreContext);
  const shapeRef = useRef<HTMLSpanElement>(null);
  const countRef = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const write = () => {
      const face = store?.get(id);
      setText(shapeRef.current, face ? outputShape(face) : '');
      setText(countRef.current, face ? `${face.parameters} params` : '');
    };
    write();
    return store?.subscribe(id, write);
  }, [store, id]);
  return (
    <div className="layer-node-facts">
      <span className="layer-node-shape" ref={shapeRef} />
      <Figure id={id} />
      <span className="layer-node-params" ref={countRef} />
    </div>
  );
});

/**
 * The output drawn to scale (see `shapeFigure`): a box for an image volume, a strip for a
 * sequence, a bar for a vector. Redrawn only when the shape changes.
 */
const Figure = memo(function Figure({ id }: { readonly id: string }) {
  const dims = useFacePart(id, outputDims);
  const figure = dims ? shapeFigure(dims) : undefined;
  if (!figure) return null;
  if (figure.form === 'vector') {
    return (
      <svg className="layer-node-figure" data-figure="vector" width={figure.length + 2} height={8}>
        <rect x={1} y={1} width={figure.length} height={6} rx={2} />
      </svg>
    );
  }
  // A box seen from the front and a little from above and the right, as NN-SVG draws one.
  const front =
    figure.form === 'volume'
      ? { width: figure.width, height: figure.height }
      : { width: figure.length, height: 8 };
  const slant = Math.round(figure.depth / 2);
  const { width, height } = front;
  return (
    <svg
      className="layer-node-figure"
      data-figure={figure.form}
      width={width + slant + 2}
      height={height + slant + 2}
    >
      <polygon
        className="layer-node-figure-top"
        points={`1,${slant + 1} ${slant + 1},1 ${width + slant + 1},1 ${width + 1},${slant + 1}`}
      />
      <polygon
        className="layer-node-figure-side"
        points={`${width + 1},${slant + 1} ${width + slant + 1},1 ${width + slant + 1},${height + 1} ${width + 1},${height + slant + 1}`}
      />
      <rect x={1} y={slant + 1} width={width} height={height} />
    </svg>
  );
});

/** Changes the span's one text node in place: cheaper than replacing it via textContent. */
function setText(span: HTMLSpanElement | null, text: string): void {
  if (!span) return;
  const node = span.firstChild;
  if (node instanceof Text) {
    if (node.data !== text) node.data = text;
  } else span.append(text);
}

/**
 * The first problem on one line, so a card never grows over its neighbours: the whole text is
 * in its tooltip, and every problem is listed in the inspector when the layer is selected.
 */
const FirstError = memo(function FirstError({ id }: { readonly id: string }) {
  const first = useFacePart(id, firstError);
  const count = useFacePart(id, errorCount) ?? 0;
  const more = count > 1 ? ` (+${count - 1} more)` : '';
  return (
    <p className="layer-node-error" role="alert" title={`${first}${more}`}>
      {first}
      {more}
    </p>
  );
});

/**
 * A warning that will ruin training (a loss the final activation cannot serve, a step unit
 * under gradient descent), on one line like an error: the student sees it where the fault is,
 * not only in the footer's count.
 */
const RuinousWarning = memo(function RuinousWarning({ id }: { readonly id: string }) {
  const warning = useFacePart(id, firstRuinous);
  return (
    <p className="layer-node-warning" role="note" title={warning}>
      ⚠ {warning}
    </p>
  );
});

const InputPorts = memo(function InputPorts({ id }: { readonly id: string }) {
  return <Ports ports={useFacePart(id, inputPorts) ?? NO_PORTS} type="target" />;
});

const OutputPorts = memo(function OutputPorts({ id }: { readonly id: string }) {
  return <Ports ports={useFacePart(id, outputPorts) ?? NO_PORTS} type="source" />;
});

const NO_PORTS: readonly PortSpec[] = [];

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
