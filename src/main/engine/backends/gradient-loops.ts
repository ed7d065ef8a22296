/**
 * Gradient kernels as plain loops over flat arrays, shared by the wasm kernels (which run
 * them on views of the wasm heap) and the cpu fixes. Each is the exact adjoint of its forward
 * op: it sends every incoming gradient value back to the input element that produced it.
 * Arrays are NHWC and row-major; `dx` and `out` must be zero-filled by the caller.
 */

type Numbers = Float32Array | Int32Array;

export interface PoolGeometry {
  readonly batch: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly channels: number;
  readonly outHeight: number;
  readonly outWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  readonly dilationHeight: number;
  readonly dilationWidth: number;
  readonly effectiveFilterHeight: number;
  readonly effectiveFilterWidth: number;
  readonly padTop: number;
  readonly padLeft: number;
}

/**
 * Max pooling: each dy value goes to the first largest input of its window (the same choice
 * as TensorFlow's and the cpu backend's). Windows with only NaN or −∞ pass nothing back.
 */
export function maxPoolGrad(x: Numbers, dy: Numbers, dx: Numbers, g: PoolGeometry): void {
  // Plain locals: this runs once per pooled value of every batch, so property reads count.
  const { batch, inHeight: H, inWidth: W, channels: C, outHeight, outWidth } = g;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth, padTop, padLeft } = g;
  const filterHeight = g.effectiveFilterHeight;
  const filterWidth = g.effectiveFilterWidth;
  const rowStride = W * C;
  let dyIndex = 0;
  for (let b = 0; b < batch; b++) {
    const batchOffset = b * H * rowStride;
    for (let oy = 0; oy < outHeight; oy++) {
      const yStart = oy * strideHeight - padTop;
      // The window's rows inside the image: the others are padding.
      let fyFirst = 0;
      while (yStart + fyFirst < 0) fyFirst += dilationHeight;
      const fyEnd = Math.min(filterHeight, H - yStart);
      for (let ox = 0; ox < outWidth; ox++) {
        const xStart = ox * strideWidth - padLeft;
        let fxFirst = 0;
        while (xStart + fxFirst < 0) fxFirst += dilationWidth;
        const fxEnd = Math.min(filterWidth, W - xStart);
        const windowOffset = batchOffset + yStart * rowStride + xStart * C;
        for (let c = 0; c < C; c++, dyIndex++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          for (let fy = fyFirst; fy < fyEnd; fy += dilationHeight) {
            const rowOffset = windowOffset + fy * rowStride + c;
            for (let fx = fxFirst; fx < fxEnd; fx += dilationWidth) {
              const index = rowOffset + fx * C;
              const value = x[index]!;
              if (value > best) {
                best = value;
                at = index;
              }
            }
          }
          if (at >= 0) dx[at]! += dy[dyIndex]!;
        }
      }
    }
  }
}

/**
 * maxPoolGrad for the commonest pooling, 2×2 windows at stride 2 without padding on the top
 * or left ("valid", or "same", which pads only the bottom and right): the same result, about
 * three times faster. Every window is four loads and one choice, and `dx` needs no zero-fill
 * beforehand when the image's height and width are even (each full window writes all four
 * of its inputs). The first largest input of each window gets the gradient, as above: after
 * a ReLU whole windows are 0, and only their top-left input may receive it.
 */
export function maxPoolGrad2x2(x: Numbers, dy: Numbers, dx: Numbers, g: PoolGeometry): void {
  const { batch, inHeight: H, inWidth: W, channels: C, outHeight, outWidth } = g;
  if (H % 2 !== 0 || W % 2 !== 0) dx.fill(0);
  const fullRows = Math.floor(H / 2);
  const fullColumns = Math.floor(W / 2);
  const rowStride = W * C;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < fullRows; oy++) {
      let dyIndex = (b * outHeight + oy) * outWidth * C;
      let topLeft = (b * H + 2 * oy) * rowStride;
      for (let ox = 0; ox < fullColumns; ox++, topLeft += 2 * C) {
        for (let c = 0; c < C; c++, dyIndex++) {
          const i0 = topLeft + c;
          const i1 = i0 + C;
          const i2 = i0 + rowStride;
          const i3 = i2 + C;
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          let value = x[i0]!;
          if (value > best) {
            best = value;
            at = i0;
          }
          value = x[i1]!;
          if (value > best) {
            best = value;
            at = i1;
          }
          value = x[i2]!;
          if (value > best) {
            best = value;
            at = i2;
          }
          value = x[i3]!;
          if (value > best) at = i3;
          dx[i0] = 0;
          dx[i1] = 0;
          dx[i2] = 0;
          dx[i3] = 0;
          if (at >= 0) dx[at] = dy[dyIndex]!;
        }
      }
    }
  }
  maxPoolGrad2x2CutWindows(x, dy, dx, g);
}

/**
 * The windows of a 2×2 stride-2 "same" pooling that an odd height or width cuts short (the
 * last row or column of windows), added to a zero-filled `dx` as maxPoolGrad does.
 */
export function maxPoolGrad2x2CutWindows(
  x: Numbers,
  dy: Numbers,
  dx: Numbers,
  g: PoolGeometry,
): void {
  const { batch, inHeight: H, inWidth: W, channels: C, outHeight, outWidth } = g;
  const fullRows = Math.floor(H / 2);
  const fullColumns = Math.floor(W / 2);
  const rowStride = W * C;
  if (outHeight === fullRows && outWidth === fullColumns) return;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = oy < fullRows ? fullColumns : 0; ox < outWidth; ox++) {
        const rows = Math.min(2, H - 2 * oy);
        const columns = Math.min(2, W - 2 * ox);
        const topLeft = ((b * H + 2 * oy) * W + 2 * ox) * C;
        let dyIndex = ((b * outHeight + oy) * outWidth + ox) * C;
        for (let c = 0; c < C; c++, dyIndex++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          for (let fy = 0; fy < rows; fy++) {
            for (let fx = 0; fx < columns; fx++) {
              const index = topLeft + fy * rowStride + fx * C + c;
              if (x[index]! > best) {
                best = x[index]!;
                at = index;
              }
            }
          }
          if (at >= 0) dx[at]! += dy[dyIndex]!;
        }
      }
    }
  }
}

/**
 * Average pooling's gradient for 2×2 windows at stride 2 that all lie inside the image (no
 * padding, even height and width): each input gets a quarter of its window's dy. Every `dx`
 * element is written, so it needs no zero-fill.
 */
export function avgPoolGrad2x2(dy: Numbers, dx: Numbers, g: PoolGeometry): void {
  const { batch, inHeight: H, inWidth: W, channels: C, outHeight, outWidth } = g;
  const rowStride = W * C;
  let dyIndex = 0;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      let topLeft = (b * H + 2 * oy) * rowStride;
      for (let ox = 0; ox < outWidth; ox++, topLeft += 2 * C) {
        for (let c = 0; c < C; c++, dyIndex++) {
          const share = dy[dyIndex]! * 0.25;
          const i0 = topLeft + c;
          dx[i0] = share;
          dx[i0 + C] = share;
          dx[i0 + rowStride] = share;
          dx[i0 + rowStride + C] = share;
        }
      }
    }
  }
}

export interface ResizeGeometry {
  readonly batch: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly channels: number;
  readonly outHeight: number;
  readonly outWidth: number;
  readonly alignCorners: boolean;
  readonly halfPixelCenters: boolean;
}

/** The input row (or column) nearest-neighbour resizing copies into output row `out`. */
function nearestSource(
  out: number,
  inSize: number,
  outSize: number,
  alignCorners: boolean,
  halfPixelCenters: boolean,
): number {
  const corners = alignCorners && outSize > 1;
  const ratio = (corners ? inSize - 1 : inSize) / (corners ? outSize - 1 : outSize);
  const fraction = halfPixelCenters ? ratio * (out + 0.5) : ratio * out;
  const nearest = Math.min(inSize - 1, alignCorners ? Math.round(fraction) : Math.floor(fraction));
  return halfPixelCenters ? Math.max(0, nearest) : nearest;
}

/** Nearest-neighbour resizing (UpSampling2D): each input sums the outputs copied from it. */
export function resizeNearestNeighborGrad(dy: Numbers, dx: Numbers, g: ResizeGeometry): void {
  const { inHeight: H, inWidth: W, channels: C, outHeight, outWidth } = g;
  const sourceColumns = Array.from({ length: outWidth }, (_, x) =>
    nearestSource(x, W, outWidth, g.alignCorners, g.halfPixelCenters),
  );
  let dyIndex = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      const iy = nearestSource(oy, H, outHeight, g.alignCorners, g.halfPixelCenters);
      const rowOffset = (b * H + iy) * W;
      for (let ox = 0; ox < outWidth; ox++) {
        const offset = (rowOffset + sourceColumns[ox]!) * C;
        for (let c = 0; c < C; c++) dx[offset + c]! += dy[dyIndex++]!;
      }
    }
  }
}

/**
 * out[s, …] = Σ x[i, …] over the rows i whose segment id is s (the gradient of a gather, so
 * of every Embedding). Ids outside [0, numSegments) are dropped, as in TensorFlow.
 */
export function unsortedSegmentSum(
  x: Numbers,
  segmentIds: Numbers,
  out: Numbers,
  numSegments: number,
): void {
  const rows = segmentIds.length;
  const rowSize = rows === 0 ? 0 : x.length / rows;
  for (let row = 0; row < rows; row++) {
    const segment = segmentIds[row]!;
    if (segment < 0 || segment >= numSegments) continue;
    const from = row * rowSize;
    const to = segment * rowSize;
    for (let k = 0; k < rowSize; k++) out[to + k]! += x[from + k]!;
  }
}

/**
 * The filter of the convolution that computes a convolution's input gradient: `filter`
 * [fH, fW, C, K] turned 180° in its two spatial axes, its in and out channels swapped
 * ([fH, fW, K, C]).
 */
export function rotateFilterForInputGradient(
  filter: Numbers,
  out: Numbers,
  filterHeight: number,
  filterWidth: number,
  inChannels: number,
  outChannels: number,
): void {
  let to = 0;
  for (let i = 0; i < filterHeight; i++) {
    for (let j = 0; j < filterWidth; j++) {
      const from = ((filterHeight - 1 - i) * filterWidth + (filterWidth - 1 - j)) * inChannels;
      for (let k = 0; k < outChannels; k++) {
        for (let c = 0; c < inChannels; c++) out[to++] = filter[(from + c) * outChannels + k]!;
      }
    }
  }
}

/**
 * Spreads the rows and columns of an NHWC image apart by a stride: pixel (y, x) goes to
 * (y·strideHeight, x·strideWidth) of `out` ([N, (H−1)·sh+1, (W−1)·sw+1, C], zero-filled by
 * the caller). A strided convolution's input gradient is a plain convolution of this.
 */
export function spreadByStride(
  image: Numbers,
  out: Numbers,
  batch: number,
  height: number,
  width: number,
  channels: number,
  strideHeight: number,
  strideWidth: number,
): void {
  const outWidth = (width - 1) * strideWidth + 1;
  const outHeight = (height - 1) * strideHeight + 1;
  let from = 0;
  for (let b = 0; b < batch; b++) {
    for (let y = 0; y < height; y++) {
      let to = (b * outHeight + y * strideHeight) * outWidth * channels;
      for (let x = 0; x < width; x++, to += strideWidth * channels) {
        for (let c = 0; c < channels; c++) out[to + c] = image[from++]!;
      }
    }
  }
}
