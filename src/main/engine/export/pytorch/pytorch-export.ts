import { ExportError } from '../export-error';
import type { Exporter } from '../exporter';

/** The network as PyTorch. */
export const pytorchExporter: Exporter = {
  write: () => Promise.reject(new ExportError('unsupported', 'Neurite cannot export to PyTorch yet.')),
  howToLoad: () => '',
};
