import { z } from 'zod';

/** The formats a trained model is exported to, as `neurite export --format` names them. */
export const EXPORT_FORMATS = ['tfjs', 'onnx', 'pytorch', 'keras'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.output<typeof exportFormatSchema>;

export interface ExportFormatInfo {
  /** The format in words, for buttons and messages. */
  readonly title: string;
  /** What an export holds and what loads it, one sentence for a student. */
  readonly contents: string;
}

export const EXPORT_FORMAT_INFO: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  tfjs: {
    title: 'TensorFlow.js',
    contents: 'model.json and weights.bin, which tf.loadLayersModel reads in a browser or in Node.',
  },
  onnx: {
    title: 'ONNX',
    contents: 'model.onnx, which ONNX Runtime and most other tools (Netron, PyTorch, OpenCV) load.',
  },
  pytorch: {
    title: 'PyTorch',
    contents:
      'model.py (the network as an nn.Module), weights.pt (its trained weights) and predict.py, to run or keep training in PyTorch.',
  },
  keras: {
    title: 'Keras',
    contents:
      'keras_model.py, which builds the network with Keras and loads its trained weights from weights.npz.',
  },
};
