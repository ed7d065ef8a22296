import { ExportError } from '../export-error';
import type { Exporter } from '../exporter';

/** The network as ONNX. */
export const onnxExporter: Exporter = {
  write: () => Promise.reject(new ExportError('unsupported', 'Neurite cannot export to ONNX yet.')),
  howToLoad: () => '',
};
