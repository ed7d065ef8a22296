import { useEffect, useRef, useState } from 'react';
import type { PointerEvent } from 'react';
import { imagePicture } from './model/picture';
import { strokeBetween } from './model/brush';

/**
 * A pad to draw a digit on, at the Input's own resolution (28 × 28 for MNIST): white ink on
 * black, as the training digits are, with a soft pen a couple of pixels wide.
 */
export function DrawPad({
  height,
  width,
  onDrawn,
}: {
  readonly height: number;
  readonly width: number;
  /** The drawing's values (0 to 1, row by row), after each stroke. */
  readonly onDrawn: (values: readonly number[]) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const ink = useRef(new Float32Array(height * width));
  const last = useRef<{ x: number; y: number } | null>(null);
  const [empty, setEmpty] = useState(true);

  const paint = () => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const picture = imagePicture(Array.from(ink.current), [height, width, 1]);
    context.putImageData(new ImageData(new Uint8ClampedArray(picture.rgba), width, height), 0, 0);
  };
  useEffect(paint);

  const at = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * width,
      y: ((event.clientY - box.top) / box.height) * height,
    };
  };
  const draw = (event: PointerEvent<HTMLCanvasElement>) => {
    const point = at(event);
    strokeBetween(ink.current, height, width, last.current ?? point, point);
    last.current = point;
    setEmpty(false);
    paint();
  };

  return (
    <div className="inside-draw">
      <canvas
        ref={canvas}
        className="inside-draw-pad"
        width={width}
        height={height}
        aria-label={`Drawing pad, ${width} × ${height} pixels: draw with the mouse`}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture?.(event.pointerId);
          last.current = null;
          draw(event);
        }}
        onPointerMove={(event) => {
          if (event.buttons !== 0) draw(event);
        }}
        onPointerUp={() => {
          last.current = null;
          onDrawn(Array.from(ink.current));
        }}
      />
      <button
        type="button"
        className="button small"
        disabled={empty}
        onClick={() => {
          ink.current.fill(0);
          setEmpty(true);
          paint();
        }}
      >
        Clear
      </button>
    </div>
  );
}
