import { tf } from '../tf';
import * as loops from './gradient-loops';
import { replaceKernel } from './replace-kernel';

/** The parts of TF.js' cpu backend (MathBackendCPU) these kernels use. */
interface CpuBackend {
  data: { get(dataId: tf.DataId): { values?: tf.BackendValues } };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: tf.TypedArray): tf.TensorInfo;
}

interface KernelArgs<Inputs, Attrs> {
  readonly inputs: Inputs;
  readonly backend: CpuBackend;
  readonly attrs: Attrs;
}

function values(backend: CpuBackend, t: tf.TensorInfo): Float32Array | Int32Array {
  return backend.data.get(t.dataId).values as Float32Array | Int32Array;
}

/**
 * The cpu backend's ResizeNearestNeighborGrad (4.22) reads the gradient of every image after
 * the first from the wrong place: it steps through dy by the size of an input image, not of
 * an output image. An UpSampling2D layer (the convolutional autoencoder) therefore learns
 * from wrong gradients whenever a batch has more than one example.
 */
function resizeNearestNeighborGrad({
  inputs,
  backend,
  attrs,
}: KernelArgs<
  { dy: tf.TensorInfo; images: tf.TensorInfo },
  { alignCorners: boolean; halfPixelCenters: boolean }
>): tf.TensorInfo {
  const { dy, images } = inputs;
  const [batch, inHeight, inWidth, channels] = images.shape as [number, number, number, number];
  const [, outHeight, outWidth] = dy.shape as [number, number, number, number];
  const dx = new Float32Array(batch * inHeight * inWidth * channels);
  loops.resizeNearestNeighborGrad(values(backend, dy), dx, {
    batch,
    inHeight,
    inWidth,
    channels,
    outHeight,
    outWidth,
    alignCorners: attrs.alignCorners,
    halfPixelCenters: attrs.halfPixelCenters,
  });
  return backend.makeTensorInfo(images.shape, 'float32', dx);
}

/**
 * The cpu backend's UnsortedSegmentSum makes five tensors and a pass over the whole input for
 * every segment: the gradient of an Embedding with a 10,000-word vocabulary took 35 s per
 * batch. The same sum in one pass.
 */
function unsortedSegmentSum({
  inputs,
  backend,
  attrs,
}: KernelArgs<
  { x: tf.TensorInfo; segmentIds: tf.TensorInfo },
  { numSegments: number }
>): tf.TensorInfo {
  const { x, segmentIds } = inputs;
  const { numSegments } = attrs;
  const shape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
  const size = tf.util.sizeFromShape(shape);
  const out = x.dtype === 'int32' ? new Int32Array(size) : new Float32Array(size);
  loops.unsortedSegmentSum(values(backend, x), values(backend, segmentIds), out, numSegments);
  return backend.makeTensorInfo(shape, x.dtype, out);
}

const FIXES: Readonly<Record<string, tf.KernelFunc>> = {
  ResizeNearestNeighborGrad: resizeNearestNeighborGrad as unknown as tf.KernelFunc,
  UnsortedSegmentSum: unsortedSegmentSum as unknown as tf.KernelFunc,
};

/** Kernels of the cpu backend that Neurite replaces: see each function above. */
export const CPU_KERNEL_FIXES = Object.keys(FIXES);

/** Replaces the cpu backend's faulty or very slow kernels; safe to call more than once. */
export function registerCpuGradientFixes(): void {
  for (const [kernelName, kernelFunc] of Object.entries(FIXES)) {
    replaceKernel(kernelName, 'cpu', kernelFunc);
  }
}
