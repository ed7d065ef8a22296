/**
 * Why a model cannot be exported, in a sentence that names the layer or the path and says what
 * to do: `unsupported` when the format cannot express the network, `bad-output` when the
 * place to write is not usable.
 */
export class ExportError extends Error {
  constructor(
    readonly code: 'unsupported' | 'bad-output',
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}
