/**
 * Why a model could not be imported, in a sentence for the student: what is wrong, with the
 * layer or file named, and what to do. `code` is the API's: the file is not a model Neurite
 * reads ('invalid-input'), a layer or setting Neurite cannot express ('unsupported'), or too big.
 */
export class ModelImportError extends Error {
  constructor(
    readonly code: 'invalid-input' | 'unsupported' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'ModelImportError';
  }
}
