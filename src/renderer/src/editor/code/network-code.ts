import { kerasModelCode } from '../../../../shared/code/keras-code';
import type { NetworkSteps } from '../../../../shared/code/network-steps';
import { PytorchUnsupportedError } from '../../../../shared/code/pytorch-unsupported';
import { networkSteps } from '../../../../shared/code/network-steps';
import { pytorchModelCode } from '../../../../shared/code/pytorch-code';
import type { GraphDocument } from '../../../../shared/graph/document';
import type { GraphAnalysis } from '../../../../shared/inference/analyze';
import { plural } from '../../../../shared/text/plural';

/** A language the Code panel writes the network in. */
export interface CodeLanguage {
  readonly id: string;
  /** The tab's name. */
  readonly title: string;
  /** What the code does, one sentence above it. */
  readonly about: string;
  write(network: NetworkSteps): string;
}

/** The Code panel's languages, in the order of its tabs. */
export const CODE_LANGUAGES: readonly CodeLanguage[] = [
  {
    id: 'keras',
    title: 'Keras',
    about:
      'Python that builds this network with Keras 3, layer by layer, with the same names and settings.',
    write: (network) => kerasModelCode(network, {}),
  },
  {
    id: 'pytorch',
    title: 'PyTorch',
    about:
      'Python that defines this network as a PyTorch module: its layers, then how data flows through them.',
    write: pytorchModelCode,
  },
];

/** The network's code, or why there is none yet, in words a student can act on. */
export type NetworkCode =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * The network as code in `language`. A network with errors has no code: the answer names how
 * many errors there are, the first of them, and that the code appears once they are fixed.
 */
export function networkCode(
  doc: GraphDocument,
  analysis: GraphAnalysis,
  language: CodeLanguage,
): NetworkCode {
  const steps = networkSteps(doc, analysis);
  if (!steps.ok) {
    const count = steps.problems.length;
    return {
      ok: false,
      message: `The network has ${plural(count, 'error')}, so it cannot be written as code yet. ${count === 1 ? 'It is' : 'The first is'}: ${steps.problems[0]!.message} The code appears here once ${count === 1 ? 'it is' : 'they are'} fixed.`,
    };
  }
  try {
    return { ok: true, text: language.write(steps) };
  } catch (error) {
    return {
      ok: false,
      message:
        error instanceof PytorchUnsupportedError
          ? error.sentenceFor(doc)
          : `Neurite cannot write this network as ${language.title} code: ${(error as Error).message}`,
    };
  }
}
