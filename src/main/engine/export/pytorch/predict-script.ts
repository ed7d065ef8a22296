import type { NetworkSteps } from '../../../../shared/code/network-steps';

/**
 * predict.py: runs the exported module on one example given on the command line and prints
 * `{"outputs": [[...]]}`, as `neurite predict --input … --json` does, so a student can check
 * the export against Neurite with one command. The values fill the Input's shape row by row,
 * channels last, as Neurite reads them; one argument per Input.
 */
export function predictScript(network: NetworkSteps): string {
  const inputs = network.inputs.map((step) => {
    const shape = step.output.shape.map(Number);
    const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
    return { name: step.name, tuple, tokens: step.output.dtype === 'int32' };
  });
  const usage = inputs.map((input) => `<${input.name}>`).join(' ');
  return `"""Runs the network in model.py with the weights in weights.pt on one example and prints
its outputs as JSON, as \`neurite predict <model> --input <values> --json\` does:

    python3 predict.py ${usage}

${inputs.length === 1 ? 'The values are' : 'Each input is'} numbers separated by commas (or a JSON array), filling the
shape row by row with the channels last, as Neurite reads them: ${inputs.map((input) => `${input.name} ${input.tuple}`).join(', ')}.
"""
import json
import math
import sys
from pathlib import Path

import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from model import Model  # noqa: E402  (model.py lies beside this file)

# Each input of the network: its name, its shape without the batch, and whether it holds
# token ids (whole numbers) rather than measurements.
INPUTS = [
${inputs.map((input) => `    ('${input.name}', ${input.tuple}, ${input.tokens ? 'True' : 'False'}),`).join('\n')}
]


def example(text, name, shape, tokens):
    """One example from its values as typed, shaped (1, *shape)."""
    if text.strip().startswith('['):
        parts = flat(json.loads(text))
    else:
        parts = text.replace(';', ' ').replace(',', ' ').split()
    values = []
    for part in parts:
        try:
            values.append(float(part))
        except (TypeError, ValueError):
            fail(f'Value {len(values) + 1} of {name}, "{part}", is not a number. Give numbers separated by commas, such as 0.5,1,2.')
    size = math.prod(shape)
    if len(values) != size:
        fail(f'{name} takes {size} values (shape {shape}) but got {len(values)}. Give exactly {size}, row by row.')
    if tokens:
        if any(value != int(value) or value < 0 for value in values):
            fail(f'{name} takes token ids, whole numbers from 0: give whole numbers.')
        return torch.tensor([int(value) for value in values], dtype=torch.long).reshape(1, *shape)
    return torch.tensor(values, dtype=torch.float32).reshape(1, *shape)


def flat(items):
    """The numbers of a JSON array, nested or not, in order."""
    if not isinstance(items, list):
        return [items]
    return [value for item in items for value in flat(item)]


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(2)


def main(arguments):
    if len(arguments) != len(INPUTS):
        fail(f'Usage: python3 predict.py ${usage}')
    model = Model()
    model.load_state_dict(torch.load(HERE / 'weights.pt', weights_only=True))
    model.eval()
    examples = [example(text, *spec) for text, spec in zip(arguments, INPUTS)]
    with torch.no_grad():
        outputs = model(*examples)
    if not isinstance(outputs, tuple):
        outputs = (outputs,)
    print(json.dumps({'outputs': [output[0].flatten().tolist() for output in outputs]}))


if __name__ == '__main__':
    main(sys.argv[1:])
`;
}
