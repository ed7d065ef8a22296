import { useEffect, useRef } from 'react';
import type { ImagesPreview } from '../../../shared/data/dataset-preview';

/** Example images with their labels, drawn pixel for pixel and scaled up crisply. */
export function ImageGrid({ images }: { images: ImagesPreview }) {
  return (
    <figure className="data-figure">
      <ul className="data-image-grid" aria-label="Example images">
        {images.items.map((item, i) => (
          <li key={i} className="data-image">
            <ImageCanvas
              width={images.width}
              height={images.height}
              channels={images.channels}
              pixels={item.pixels}
              label={item.label}
            />
            <span className="data-image-label">{item.label}</span>
          </li>
        ))}
      </ul>
      <figcaption>
        {images.items.length} examples, {images.width} × {images.height} pixels, labels below.
      </figcaption>
    </figure>
  );
}

function ImageCanvas(props: {
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: string;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { width, height, channels, pixels } = props;
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const bytes = Uint8Array.from(atob(pixels), (c) => c.charCodeAt(0));
    const image = context.createImageData(width, height);
    for (let p = 0; p < width * height; p += 1) {
      const r = bytes[p * channels] ?? 0;
      const g = channels === 3 ? (bytes[p * 3 + 1] ?? 0) : r;
      const b = channels === 3 ? (bytes[p * 3 + 2] ?? 0) : r;
      image.data.set([r, g, b, 255], p * 4);
    }
    context.putImageData(image, 0, 0);
  }, [width, height, channels, pixels]);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      className="data-image-canvas"
      role="img"
      aria-label={`Example labelled ${props.label}`}
    />
  );
}
