import type { ExportFormat } from '../../../shared/export/formats';
import type { Exporter } from './exporter';
import { kerasExporter } from './keras/keras-export';
import { onnxExporter } from './onnx/onnx-export';
import { pytorchExporter } from './pytorch/pytorch-export';
import { tfjsExporter } from './tfjs-export';

/** Every format's writer, by the name `neurite export --format` and the app use. */
export const EXPORTERS: Readonly<Record<ExportFormat, Exporter>> = {
  tfjs: tfjsExporter,
  onnx: onnxExporter,
  pytorch: pytorchExporter,
  keras: kerasExporter,
};
