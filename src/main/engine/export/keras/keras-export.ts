import { ExportError } from '../export-error';
import type { Exporter } from '../exporter';

/** The network as Keras. */
export const kerasExporter: Exporter = {
  write: () => Promise.reject(new ExportError('unsupported', 'Neurite cannot export to Keras yet.')),
  howToLoad: () => '',
};
