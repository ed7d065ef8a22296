import type { TfLayerSpec, WeightTensor } from '../catalog/types';
import type { NetworkStep, NetworkSteps } from './network-steps';
import type { KerasLayerCall } from './keras-layers';
import { NEURITE_ACTIVATION_FUNCTIONS, kerasLayerCall } from './keras-layers';
import { LINE_LENGTH, commentText, pythonCall, pythonString, pythonTuple } from './python-source';

export interface KerasCodeOptions {
  /**
   * The .npz file beside the script that holds the trained weights, keyed
   * `<layer name>/<index>`: the file then ends by loading them into the model. Without it
   * (the editor's Code panel) the code only builds the network.
   */
  readonly weightsFile?: string;
}

/**
 * A Python file that builds the network with Keras 3: the Sequential API when the network is
 * a chain, the Functional API otherwise, each layer named as in Neurite with only the
 * arguments that differ from Keras' defaults. Pure, so the editor can call it on every edit.
 */
export function kerasModelCode(network: NetworkSteps, options: KerasCodeOptions): string {
  const { weightsFile } = options;
  const sections = [
    header(network, weightsFile),
    imports(weightsFile !== undefined),
    ...neuriteActivations(network),
    network.isChain ? sequentialModel(network) : functionalModel(network),
    ...(weightsFile === undefined ? [] : [weightLoading(network, weightsFile)]),
    'model.summary()',
  ];
  return `${sections.join('\n\n')}\n`;
}

function header(network: NetworkSteps, weightsFile: string | undefined): string {
  const paragraphs = [
    'Written by Neurite: the network drawn on its canvas, built with Keras 3, layer by layer, with the same names and settings.',
    network.isChain
      ? "The layers form one chain, so this uses Keras' Sequential API: each layer feeds the next."
      : "The layers branch or merge, so this uses Keras' Functional API: each layer is called on the layers that feed it.",
  ];
  if (weightsFile !== undefined) {
    paragraphs.push(
      `Run it with Keras 3 and a backend installed (pip install keras tensorflow), with ${weightsFile} beside it: it loads the weights Neurite trained into the model.`,
    );
  }
  return paragraphs.map((text) => wrapComment(text).join('\n')).join('\n#\n');
}

function imports(withWeights: boolean): string {
  return withWeights
    ? 'from pathlib import Path\n\nimport keras\nimport numpy as np\nfrom keras import layers'
    : 'import keras\nfrom keras import layers';
}

/** The functions for Neurite's own activations that the network uses, each with its comment. */
function neuriteActivations(network: NetworkSteps): string[] {
  const used = new Set(
    network.steps.flatMap((step) => step.layers.flatMap(withWrapped)).map((l) => l.className),
  );
  return Object.entries(NEURITE_ACTIVATION_FUNCTIONS)
    .filter(([className]) => used.has(className))
    .map(([, fn]) =>
      // Blank lines around, two in all on each side as PEP 8 asks of a function.
      [
        '',
        ...wrapComment(
          `${fn.what}. Keras has no layer for it, so this function stands for it in a layers.Activation below.`,
        ),
        `def ${fn.name}(x):`,
        `    ${fn.body}`,
        '',
      ].join('\n'),
    );
}

function withWrapped(spec: TfLayerSpec): TfLayerSpec[] {
  return spec.wrapped ? [spec, spec.wrapped] : [spec];
}

/** keras.Input's arguments: the shape of one example, token ids as whole numbers. */
function inputArgs(step: NetworkStep): string[] {
  return [
    `shape=${pythonTuple(step.output.shape)}`,
    ...(step.output.dtype === 'int32' ? [`dtype=${pythonString('int32')}`] : []),
    `name=${pythonString(step.name)}`,
  ];
}

/** Each Keras layer a step becomes: its call, its name, and the comment above it. */
interface NamedLayer {
  readonly call: KerasLayerCall;
  readonly name: string;
  readonly comments: readonly string[];
  /** The student froze the node: every layer it becomes is built with trainable=False. */
  readonly frozen: boolean;
}

const FROZEN_NOTE =
  'Frozen in Neurite: training leaves its weights as they are (a batch normalization also keeps and uses its moving statistics).';

function namedLayers(step: NetworkStep): NamedLayer[] {
  return step.layers.map((spec, i) => {
    const call = kerasLayerCall(spec);
    const comments: string[] = [];
    // The student's label, when it says more than the name the layer has in code.
    if (i === 0 && commentText(step.title) !== step.name) comments.push(commentText(step.title));
    if (call.note) comments.push(call.note);
    if (i === 0 && !step.trainable) comments.push(FROZEN_NOTE);
    return {
      call,
      name: `${step.name}${spec.nameSuffix ?? ''}`,
      comments,
      frozen: !step.trainable,
    };
  });
}

function layerLines(layer: NamedLayer, indent: string, start: string, after: string): string[] {
  const comments = layer.comments.flatMap((c) => wrapComment(c, indent));
  const name = `name=${pythonString(layer.name)}`;
  const extra = layer.frozen ? ['trainable=False', name] : [name];
  return [...comments, callText(indent, start, layer.call, extra, after)];
}

/** A layer call, with the layer it wraps as its first argument, laid out by pythonCall. */
function callText(
  indent: string,
  start: string,
  call: KerasLayerCall,
  extra: readonly string[],
  after: string,
): string {
  const text = (wrapped: readonly string[]) =>
    pythonCall(indent, `${start}${call.callee}`, [...wrapped, ...call.args, ...extra], after);
  if (!call.wraps) return text([]);
  const flat = text([callText('', '', call.wraps, [], '')]);
  if (!flat.includes('\n')) return flat;
  // Too long for one line: the wrapped layer goes on lines of its own, one level deeper.
  const inner = `${indent}    `;
  return text([callText(inner, '', call.wraps, [], '').slice(inner.length)]);
}

function sequentialModel(network: NetworkSteps): string {
  const indent = '        ';
  const lines = network.steps.flatMap((step) => {
    if (step.role === 'input') return [pythonCall(indent, 'keras.Input', inputArgs(step), ',')];
    return namedLayers(step).flatMap((layer) => layerLines(layer, indent, '', ','));
  });
  return ['model = keras.Sequential(', '    [', ...lines, '    ]', ')'].join('\n');
}

function functionalModel(network: NetworkSteps): string {
  const lines = network.steps.flatMap((step) => {
    if (step.role === 'input') {
      return [pythonCall('', `${step.name} = keras.Input`, inputArgs(step))];
    }
    if (step.role === 'output') return [];
    const feeding = step.inputs.length === 1 ? step.inputs[0]! : `[${step.inputs.join(', ')}]`;
    return namedLayers(step).flatMap((layer, i) =>
      // A split-off activation is applied to what the main layer gave.
      layerLines(layer, '', `${step.name} = `, `(${i === 0 ? feeding : step.name})`),
    );
  });
  const list = (steps: readonly NetworkStep[], names: (step: NetworkStep) => string) =>
    steps.length === 1 ? names(steps[0]!) : `[${steps.map(names).join(', ')}]`;
  const model = pythonCall('', 'model = keras.Model', [
    `inputs=${list(network.inputs, (s) => s.name)}`,
    `outputs=${list(network.outputs, (s) => s.inputs[0]!)}`,
  ]);
  return [...lines, '', model].join('\n');
}

function weightLoading(network: NetworkSteps, weightsFile: string): string {
  const lines = [
    ...wrapComment(
      `The weights Neurite trained, from ${weightsFile} beside this file: each layer gets its arrays in the order Keras keeps them, the order set_weights takes.`,
    ),
    `trained = np.load(Path(__file__).with_name(${pythonString(weightsFile)}))`,
  ];
  for (const step of network.steps) {
    for (const [layerName, tensors] of weightsByLayer(step)) {
      lines.push(setWeights(layerName, tensors));
    }
  }
  return lines.join('\n');
}

/**
 * The Keras layer name of each of a step's layers that has weights, with those weights in
 * order: the keys of the .npz file are `<layer name>/<index in this list>`.
 */
export function weightsByLayer(step: NetworkStep): Map<string, WeightTensor[]> {
  const byLayer = new Map<string, WeightTensor[]>();
  for (const tensor of step.weights) {
    const name = `${step.name}${tensor.layerSuffix}`;
    byLayer.set(name, [...(byLayer.get(name) ?? []), tensor]);
  }
  return byLayer;
}

/** One layer's set_weights, its arrays named in a comment: `# kernel, bias`. */
function setWeights(layerName: string, tensors: readonly WeightTensor[]): string {
  const arrays = tensors.map((_, i) => `trained[${pythonString(`${layerName}/${i}`)}]`);
  const start = `model.get_layer(${pythonString(layerName)}).set_weights(`;
  const code = `${start}[${arrays.join(', ')}])`;
  const comment = `# ${tensors.map((t) => t.name).join(', ')}`;
  if (code.length + 2 + comment.length <= LINE_LENGTH) return `${code}  ${comment}`;
  if (code.length <= LINE_LENGTH) return `${comment}\n${code}`;
  return [
    start,
    '    [',
    ...arrays.map((array, i) => `        ${array},  # ${tensors[i]!.name}`),
    '    ]',
    ')',
  ].join('\n');
}

/** A comment wrapped to the line length, each line starting `# `. */
function wrapComment(text: string, indent = ''): string[] {
  const width = LINE_LENGTH - indent.length - 2;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${indent}# ${l}`);
}
