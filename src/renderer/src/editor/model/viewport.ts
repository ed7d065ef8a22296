/** Where the camera looks: the canvas shows flow point (-x / zoom, -y / zoom) at its top-left. */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The smallest zoom at which a card's smallest text (12 px: its error line) is still about
 * 10 px on screen. Zoom to fit never goes below it.
 */
export const READABLE_ZOOM = 0.8;

export interface FitOptions {
  /** Screen pixels kept free around the network. */
  readonly padding?: number;
  /** Never bigger than actual size, so a small network is not blown up. */
  readonly maxZoom?: number;
  readonly minZoom?: number;
}

/**
 * Zoom to fit, without making text too small to read: the whole network when it fits at a
 * readable zoom; otherwise its full width (or as much as fits at the readable zoom), from its
 * top, and the student scrolls down for the rest.
 */
export function readableFit(
  network: Bounds,
  view: { readonly width: number; readonly height: number },
  { padding = 32, maxZoom = 1, minZoom = READABLE_ZOOM }: FitOptions = {},
): Viewport {
  const room = { width: Math.max(1, view.width - 2 * padding), height: view.height - 2 * padding };
  const width = Math.max(1, network.width);
  const height = Math.max(1, network.height);
  const whole = Math.min(room.width / width, Math.max(1, room.height) / height, maxZoom);
  if (whole >= minZoom) {
    return {
      x: view.width / 2 - (network.x + width / 2) * whole,
      y: view.height / 2 - (network.y + height / 2) * whole,
      zoom: whole,
    };
  }
  const zoom = Math.max(minZoom, Math.min(room.width / width, maxZoom));
  // Centred when the width fits; from its left edge when even that is too wide.
  const x =
    width * zoom <= room.width
      ? view.width / 2 - (network.x + width / 2) * zoom
      : padding - network.x * zoom;
  return { x, y: padding - network.y * zoom, zoom };
}
