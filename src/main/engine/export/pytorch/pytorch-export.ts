import { networkSteps } from '../../../../shared/code/network-steps';
import { pytorchModelCode } from '../../../../shared/code/pytorch-code';
import type { PytorchNetwork } from '../../../../shared/code/pytorch-network';
import { pytorchNetwork } from '../../../../shared/code/pytorch-network';
import { PytorchUnsupportedError } from '../../../../shared/code/pytorch-unsupported';
import type { CompiledGraph } from '../../compiler/compile-graph';
import { ExportError } from '../export-error';
import type { ExportFiles, ExportNetwork } from '../export-network';
import { textFile, withCompiledNetwork } from '../export-network';
import type { Exporter } from '../exporter';
import { predictScript } from './predict-script';
import { stateDictTensors } from './state-dict-tensors';
import { torchWeightsFile } from './torch-weights-file';

/**
 * The network as PyTorch: model.py (an nn.Module written from the network, layer names and
 * all), weights.pt (its state dict with the trained weights, which torch.load reads without
 * Neurite's code) and predict.py (one example on the command line, the outputs as JSON). The
 * same network and weights always give the same bytes.
 */
export const pytorchExporter: Exporter = {
  write: (network) => withCompiledNetwork(network, (compiled) => pytorchFiles(network, compiled)),
  howToLoad: (out) =>
    `Load it in Python from ${out}: from model import Model; model = Model(); model.load_state_dict(torch.load('weights.pt')). Or try one example: python3 ${out}/predict.py <values>.`,
};

function pytorchFiles(network: ExportNetwork, compiled: CompiledGraph): ExportFiles {
  const steps = networkSteps(network.document, compiled.analysis);
  if (!steps.ok) {
    // compileGraph refuses such a network first; this keeps the types honest.
    throw new ExportError(
      'unsupported',
      `The network cannot be exported: ${steps.problems[0]?.message ?? 'it has errors'}`,
    );
  }
  let torch: PytorchNetwork;
  let code: string;
  try {
    torch = pytorchNetwork(steps);
    code = pytorchModelCode(steps);
  } catch (error) {
    if (!(error instanceof PytorchUnsupportedError)) throw error;
    throw new ExportError('unsupported', error.sentenceFor(network.document));
  }
  const tensors = stateDictTensors(torch.stateDict, steps, network.document, compiled);
  return new Map([
    ['model.py', textFile(code)],
    ['weights.pt', torchWeightsFile(tensors)],
    ['predict.py', textFile(predictScript(steps))],
  ]);
}
