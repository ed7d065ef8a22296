import type { LoadedDataset } from '../types';

export type LogicGate = 'and' | 'or' | 'xor';

const GATES: Record<LogicGate, { title: string; truth: (a: number, b: number) => number }> = {
  and: { title: 'AND gate', truth: (a, b) => a & b },
  or: { title: 'OR gate', truth: (a, b) => a | b },
  xor: { title: 'XOR gate', truth: (a, b) => a ^ b },
};

/** The four rows of a two-input truth table: inputs 0/1, the output as class "0" or "1". */
export function logicGate(gate: LogicGate): LoadedDataset {
  const inputs = [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ] as const;
  const x = Float32Array.from(inputs.flat());
  const y = Int32Array.from(inputs, ([a, b]) => GATES[gate].truth(a, b));
  return {
    info: {
      title: GATES[gate].title,
      task: 'classification',
      featureShape: [2],
      featureType: 'float32',
      featureNames: ['x1', 'x2'],
      classNames: ['0', '1'],
      targetSize: 1,
      count: 4,
      notes: [
        `The 4 rows of the ${gate.toUpperCase()} truth table. A network needs all 4 to learn it: train without a validation or test split.`,
        ...(gate === 'xor'
          ? [
              'No single straight line separates the 1s from the 0s: a perceptron cannot learn XOR, a network with a hidden layer can.',
            ]
          : []),
      ],
    },
    examples: { count: 4, x, y },
  };
}
