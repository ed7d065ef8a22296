import { useMemo } from 'react';
import type {
  ActivationSetting,
  SampledCurve,
  XY,
} from '../../../../shared/catalog/activation-curves';
import {
  SOFTMAX_EXAMPLE_SCORES,
  activationAt,
  curveText,
  sampleActivation,
  softmax,
  softmaxJacobian,
} from '../../../../shared/catalog/activation-curves';
import { linearScale, niceTicks, tickText } from '../../data/model/axis-ticks';

const WIDTH = 272;
const HEIGHT = 180;
const MARGIN = { top: 8, right: 10, bottom: 34, left: 36 };
const X_RANGE: readonly [number, number] = [-4, 4];
const STEPS = 160;
/** Where the table of values reads the function. */
const TABLE_XS = [-2, -1, 0, 1, 2];

/**
 * The chosen activation f(x) and its slope f′(x) over −4…4, with the formulas and what the
 * picture alone does not say, so a student sees what the setting does to each weighted sum.
 */
export function ActivationCurve({ setting }: { readonly setting: ActivationSetting }) {
  const { activation, leakyAlpha } = setting;
  const curves = useMemo(
    () => sampleActivation({ activation, leakyAlpha }, X_RANGE[0], X_RANGE[1], STEPS),
    [activation, leakyAlpha],
  );
  const text = curveText(setting);
  const softmaxShown = activation === 'softmax';
  const label = `${text.title}: its curve f(x) as a solid line and its slope f′(x) dashed, for x from −4 to 4`;

  return (
    <figure className="activation-curve">
      <figcaption className="inspector-label">Curve: {text.title}</figcaption>
      <Plot value={curves.value} slope={curves.slope} label={label} softmax={softmaxShown} />
      <ul className="activation-legend" aria-label="Legend">
        <li>
          <LineSwatch className="activation-value" />
          {text.value}
        </li>
        <li>
          <LineSwatch className="activation-slope" />
          {text.slope}
        </li>
      </ul>
      <p className="inspector-help">{text.note}</p>
      <details className="activation-values">
        <summary>{softmaxShown ? 'Worked example' : 'Values at a few points'}</summary>
        {softmaxShown ? <SoftmaxTable /> : <ValueTable setting={setting} />}
      </details>
    </figure>
  );
}

function Plot({
  value,
  slope,
  label,
  softmax: isSoftmax,
}: {
  readonly value: SampledCurve;
  readonly slope: SampledCurve;
  readonly label: string;
  readonly softmax: boolean;
}) {
  const ys = [value, slope].flatMap((c) => [...c.pieces.flat(), ...c.filled, ...c.open]);
  const low = Math.min(0, ...ys.map((p) => p.y));
  const high = Math.max(1, ...ys.map((p) => p.y));
  const pad = (high - low) * 0.06;
  const yDomain: [number, number] = [low - pad, high + pad];
  const x = linearScale(X_RANGE, [MARGIN.left, WIDTH - MARGIN.right]);
  const y = linearScale(yDomain, [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const xTicks = niceTicks(X_RANGE[0], X_RANGE[1], 4);
  const yTicks = niceTicks(yDomain[0], yDomain[1], 5).filter(
    (t) => t >= yDomain[0] && t <= yDomain[1],
  );
  const path = (points: readonly XY[]) =>
    points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.x).toFixed(2)} ${y(p.y).toFixed(2)}`)
      .join(' ');
  const drawn = (curve: SampledCurve, className: string) => (
    <g className={className}>
      {curve.pieces.map((piece, i) => (
        <path key={i} d={path(piece)} />
      ))}
      {curve.filled.map((p, i) => (
        <circle key={`f${i}`} className="activation-dot" cx={x(p.x)} cy={y(p.y)} r={3} />
      ))}
      {curve.open.map((p, i) => (
        <circle key={`o${i}`} className="activation-open-dot" cx={x(p.x)} cy={y(p.y)} r={3} />
      ))}
    </g>
  );

  return (
    <svg
      className="activation-plot"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
    >
      <g className="activation-axis">
        {xTicks.map((t) => (
          <g key={`x${t}`}>
            <line
              className={t === 0 ? 'activation-zero' : undefined}
              x1={x(t)}
              x2={x(t)}
              y1={MARGIN.top}
              y2={HEIGHT - MARGIN.bottom}
            />
            <text x={x(t)} y={HEIGHT - MARGIN.bottom + 13} textAnchor="middle">
              {minus(tickText(t))}
            </text>
          </g>
        ))}
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line
              className={t === 0 ? 'activation-zero' : undefined}
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(t)}
              y2={y(t)}
            />
            <text x={MARGIN.left - 5} y={y(t) + 4} textAnchor="end">
              {minus(tickText(t))}
            </text>
          </g>
        ))}
        <text
          className="activation-axis-title"
          x={(MARGIN.left + WIDTH - MARGIN.right) / 2}
          y={HEIGHT - 4}
          textAnchor="middle"
        >
          {isSoftmax ? 'x, the first of the scores [x, 1, 0]' : 'x, the weighted sum'}
        </text>
        <text
          className="activation-axis-title"
          transform={`translate(11 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          f(x) and f′(x)
        </text>
      </g>
      {drawn(slope, 'activation-slope')}
      {drawn(value, 'activation-value')}
    </svg>
  );
}

function LineSwatch({ className }: { readonly className: string }) {
  return (
    <svg className={`activation-swatch ${className}`} width={22} height={8} aria-hidden="true">
      <path d="M1 4 L21 4" />
    </svg>
  );
}

function ValueTable({ setting }: { readonly setting: ActivationSetting }) {
  return (
    <table className="activation-table">
      <thead>
        <tr>
          <th scope="col">x</th>
          <th scope="col">f(x)</th>
          <th scope="col">f′(x)</th>
        </tr>
      </thead>
      <tbody>
        {TABLE_XS.map((x) => {
          const point = activationAt(setting, x);
          return (
            <tr key={x}>
              <th scope="row">{formatNumber(x)}</th>
              <td>{formatNumber(point.value)}</td>
              <td>{point.slope === undefined ? 'not defined' : formatNumber(point.slope)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Softmax of a list of three scores, and how much each probability moves with its own score. */
function SoftmaxTable() {
  const scores = SOFTMAX_EXAMPLE_SCORES;
  const p = softmax(scores);
  const jacobian = softmaxJacobian(scores);
  return (
    <>
      <p className="inspector-help">
        The scores [{scores.map(formatNumber).join(', ')}] become probabilities that add up to 1.
        The last column is how fast each probability grows with its own score, pᵢ·(1 − pᵢ).
      </p>
      <table className="activation-table">
        <thead>
          <tr>
            <th scope="col">score zᵢ</th>
            <th scope="col">probability pᵢ</th>
            <th scope="col">∂pᵢ/∂zᵢ</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((z, i) => (
            <tr key={i}>
              <th scope="row">{formatNumber(z)}</th>
              <td>{formatNumber(p[i]!)}</td>
              <td>{formatNumber(jacobian[i]![i]!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Four significant digits, with a true minus sign. */
function formatNumber(value: number): string {
  return minus(String(Number(value.toPrecision(4))));
}

function minus(text: string): string {
  return text.replace(/^-/, '−');
}
