import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import { FIGURE_FONT } from './vega-svg';

/** PNGs are drawn at twice the SVG's size, sharp enough for a report or a slide. */
export const PNG_SCALE = 2;

/** The WebAssembly renderer and the font, read once per process. */
let ready: Promise<Uint8Array> | undefined;

function prepare(): Promise<Uint8Array> {
  if (ready) return ready;
  const resolve = createRequire(import.meta.url).resolve;
  ready = (async () => {
    const [wasm, font] = await Promise.all([
      readFile(resolve('@resvg/resvg-wasm/index_bg.wasm')),
      // The font comes with Neurite, not from the computer, so the same figure gives the same
      // PNG on every computer, and text shows even where no fonts are installed.
      readFile(resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    ]);
    await initWasm(wasm);
    return new Uint8Array(font);
  })();
  // A failed start is tried again next time rather than remembered.
  ready.catch(() => (ready = undefined));
  return ready;
}

/** An SVG drawn as a PNG with resvg, at PNG_SCALE times its size, on white. */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const font = await prepare();
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    font: {
      fontBuffers: [font],
      loadSystemFonts: false,
      defaultFontFamily: FIGURE_FONT,
      sansSerifFamily: FIGURE_FONT,
    },
  });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
