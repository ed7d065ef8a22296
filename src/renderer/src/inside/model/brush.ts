/**
 * The pen of the drawing pad: strokes as MNIST's digits have them, about three pixels wide at
 * 28 × 28, full white in the middle and fading at the edges. Coordinates are in pixels.
 */

/** Distance from the stroke's centre line at which the ink starts to fade, and where it ends. */
const SOLID = 1;
const EDGE = 2;

export function strokeBetween(
  ink: Float32Array,
  height: number,
  width: number,
  from: { readonly x: number; readonly y: number },
  to: { readonly x: number; readonly y: number },
): void {
  const left = Math.max(0, Math.floor(Math.min(from.x, to.x) - EDGE));
  const right = Math.min(width - 1, Math.ceil(Math.max(from.x, to.x) + EDGE));
  const top = Math.max(0, Math.floor(Math.min(from.y, to.y) - EDGE));
  const bottom = Math.min(height - 1, Math.ceil(Math.max(from.y, to.y) + EDGE));
  for (let row = top; row <= bottom; row += 1) {
    for (let column = left; column <= right; column += 1) {
      // The pixel's centre, and its distance to the segment from → to.
      const distance = toSegment(column + 0.5, row + 0.5, from, to);
      const value = Math.min(1, Math.max(0, (EDGE - distance) / (EDGE - SOLID)));
      const at = row * width + column;
      ink[at] = Math.max(ink[at]!, value);
    }
  }
}

function toSegment(
  x: number,
  y: number,
  a: { readonly x: number; readonly y: number },
  b: { readonly x: number; readonly y: number },
): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.min(1, Math.max(0, ((x - a.x) * dx + (y - a.y) * dy) / length));
  return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
}
