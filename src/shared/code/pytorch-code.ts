import type { NetworkSteps } from './network-steps';
import type { PytorchHelper } from './pytorch-helpers';
import { HELPER_NEEDS, HELPER_SOURCE, PYTORCH_HELPERS } from './pytorch-helpers';
import type { TorchModule } from './pytorch-network';
import { pytorchNetwork } from './pytorch-network';
import { commentText } from './python-source';

/**
 * The whole text of a readable model.py: the network as one nn.Module, with an attribute per
 * layer named like the network's nodes, and a forward that follows the graph. It takes and
 * gives tensors as Neurite does, channels last, and computes what Neurite computes; the
 * PyTorch export writes its weights.pt for exactly this module. Pure, so the editor's Code
 * panel can show it on every edit.
 */
export function pytorchModelCode(network: NetworkSteps): string {
  const torch = pytorchNetwork(network);
  const helpers = withNeeds(torch.helpers);
  const parameters = network.inputs.map(
    (step, i) => `${torch.parameters[i]!}: ${describeInput(step.output.shape, step.output.dtype)}`,
  );
  const init = torch.modules.map(
    (module) =>
      `        self.${module.name} = ${module.construct}  # ${commentText(module.comment)}`,
  );
  const frozen = torch.modules.filter((module) => module.frozen);
  const freezing = frozen.map(
    (module) =>
      `        self.${module.name}.requires_grad_(False)  # frozen in Neurite: training leaves its weights as they are`,
  );
  const returned = torch.returns.length === 1 ? torch.returns[0]! : `${torch.returns.join(', ')}`;
  const sections = [
    `"""${[
      'A network built in Neurite, as a PyTorch module.',
      '',
      'It takes examples as Neurite does, with the channels of images and sequences last, and',
      'computes the same outputs. Load the trained weights Neurite exported beside it with',
      '',
      '    model = Model()',
      "    model.load_state_dict(torch.load('weights.pt'))",
      '    model.eval()',
      '',
      'and keep training it as any PyTorch module (model.train(), an optimizer, a loss).',
    ].join('\n')}\n"""`,
    'import torch\nfrom torch import nn\nimport torch.nn.functional as F',
    [
      'class Model(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      ...init,
      ...freezing,
      ...frozenStatistics(frozen),
      '',
      `    def forward(self, ${torch.parameters.join(', ')}):`,
      `        """${parameters.join('; ')}."""`,
      ...torch.forwardLines.map((line) => `        ${line}`),
      `        return ${returned}`,
    ].join('\n'),
    ...PYTORCH_HELPERS.filter((helper) => helpers.has(helper)).map((helper) =>
      HELPER_SOURCE[helper].trimEnd(),
    ),
  ];
  const [docstring, ...rest] = sections;
  return `${docstring!}\n${rest.join('\n\n\n')}\n`;
}

/**
 * A frozen batch normalization keeps and uses its moving statistics while the rest trains,
 * as in Neurite and Keras: train() leaves it in evaluation mode.
 */
function frozenStatistics(frozen: readonly TorchModule[]): string[] {
  const kept = frozen.filter((module) => module.keepsStatistics);
  if (kept.length === 0) return [];
  return [
    '',
    '    def train(self, mode=True):',
    '        """Frozen batch normalizations keep and use their moving statistics, as in Neurite."""',
    '        super().train(mode)',
    ...kept.map((module) => `        self.${module.name}.eval()`),
    '        return self',
  ];
}

/** The helpers, with the ones they are built on. */
function withNeeds(helpers: ReadonlySet<PytorchHelper>): Set<PytorchHelper> {
  const all = new Set(helpers);
  for (const helper of helpers) for (const need of HELPER_NEEDS[helper] ?? []) all.add(need);
  return all;
}

/** `(batch, 28, 28, 1) floats` for forward's docstring. */
function describeInput(shape: readonly (number | null)[], dtype: string): string {
  const sizes = ['batch', ...shape.map((size) => (size === null ? '?' : String(size)))];
  return `(${sizes.join(', ')}) ${dtype === 'int32' ? 'token ids (torch.long)' : 'floats'}`;
}
