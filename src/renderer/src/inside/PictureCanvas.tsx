import { useEffect, useRef } from 'react';
import type { Picture } from './model/picture';

/** Pictures drawn pixel by pixel on a canvas, scaled up without blurring. */
export function PictureCanvas({
  layers,
  size,
  label,
}: {
  /** Drawn in order: the example first, a heat map over it. */
  readonly layers: readonly Picture[];
  /** Width on screen, in CSS pixels. */
  readonly size: number;
  readonly label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const first = layers[0];
  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || !first) return;
    context.clearRect(0, 0, canvas.width, canvas.height);
    for (const layer of layers) {
      const image = new ImageData(new Uint8ClampedArray(layer.rgba), layer.width, layer.height);
      // Each layer is put on its own canvas, then drawn scaled onto this one, so a heat map of
      // another size (Grad-CAM's 4 × 4 over a 28 × 28 digit) still covers the whole image.
      const own = document.createElement('canvas');
      own.width = layer.width;
      own.height = layer.height;
      own.getContext('2d')?.putImageData(image, 0, 0);
      context.imageSmoothingEnabled = false;
      context.drawImage(own, 0, 0, canvas.width, canvas.height);
    }
  }, [layers, first]);
  if (!first) return null;
  const height = Math.round((size * first.height) / first.width);
  return (
    <canvas
      ref={ref}
      className="inside-picture"
      width={first.width * 8}
      height={first.height * 8}
      style={{ width: size, height }}
      role="img"
      aria-label={label}
    />
  );
}
