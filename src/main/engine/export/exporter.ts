import type { ExportFiles, ExportNetwork } from './export-network';

/** One format's writer. */
export interface Exporter {
  /** The files of the export; throws an ExportError naming the layer the format cannot hold. */
  write(network: ExportNetwork): Promise<ExportFiles>;
  /** How to load the export written to `out`, one or two sentences for the command line. */
  howToLoad(out: string): string;
  /**
   * For a format of one file: its name in an export folder, so `--out` may also name the file
   * itself (`--out xor.onnx`).
   */
  readonly singleFile?: string;
}
