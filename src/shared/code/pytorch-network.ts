import { STEP_LAYER_CLASS } from '../catalog/activations';
import { holdsAveragedStatistics } from '../catalog/averaged-statistics';
import type { TfLayerSpec } from '../catalog/types';
import type { NetworkStep, NetworkSteps } from './network-steps';
import type { PytorchHelper } from './pytorch-helpers';
import { translateLayer } from './pytorch-layers';
import { commentText } from './python-source';
import { PythonNames } from './python-names';

/**
 * A network as PyTorch sees it: the layers its nn.Module creates, the lines of its forward,
 * and the tensors of its state dict with where each comes from in the TF.js model. model.py
 * and weights.pt are both written from this one description, so they cannot disagree.
 */
export interface PytorchNetwork {
  /** The module's attributes, in the order __init__ creates them. */
  readonly modules: readonly TorchModule[];
  /** forward's parameters: one per Input, in the network's order. */
  readonly parameters: readonly string[];
  readonly forwardLines: readonly string[];
  /** What forward returns: one expression per Output, in the network's order. */
  readonly returns: readonly string[];
  /** The helper functions and layers model.py must define. */
  readonly helpers: ReadonlySet<PytorchHelper>;
  /** Every tensor of the module's state dict, in the order state_dict() lists them. */
  readonly stateDict: readonly StateEntry[];
}

export interface TorchModule {
  readonly name: string;
  /** The constructor call: `nn.Linear(2, 4)`. */
  readonly construct: string;
  /** The student's title for the node, and a note where the PyTorch layer needs one. */
  readonly comment: string;
  /** The student froze the node, and this module holds some of its weights. */
  readonly frozen: boolean;
  /** It keeps running statistics (batch normalization), which a frozen one must not update. */
  readonly keepsStatistics: boolean;
}

/** One tensor of weights.pt. */
export interface StateEntry {
  /** Its state dict key: `hidden.weight`. */
  readonly key: string;
  /** Its shape in PyTorch. */
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'int64';
  readonly source: WeightSource;
}

export type WeightSource =
  /**
   * A weight of the TF.js model: the node's tensor of that name (`kernel`, `forward/bias`) in
   * the TF.js layer with that name suffix, with its axes reordered by `permutation` (axis i of
   * the result is axis permutation[i] of the TF.js tensor).
   */
  | {
      readonly kind: 'weight';
      readonly nodeId: string;
      readonly name: string;
      readonly layerSuffix: string;
      readonly permutation?: readonly number[];
    }
  /** Zeros: the second bias PyTorch's nn.LSTM and nn.RNN add, which Keras does not have. */
  | { readonly kind: 'zeros' }
  /** A count PyTorch keeps (batch norm's batches seen); Neurite starts it at 0. */
  | { readonly kind: 'count' };

/**
 * Where the channels of a value are: last, as Neurite, Keras and the student's data have
 * them, or first, as PyTorch's convolutions want them. A value of one axis has no channels
 * axis and counts as last.
 */
export type Layout = 'last' | 'first';

/** A tensor inside forward: the expression that computes it and its layout. */
export interface PyValue {
  readonly expression: string;
  readonly layout: Layout;
  /** Its shape as Neurite gives it, without the batch (channels last). */
  readonly shape: readonly number[];
}

/** What a layer's translation may do while writing the module. */
export interface LayerContext {
  readonly step: NetworkStep;
  readonly spec: TfLayerSpec;
  /** The network is a lone perceptron unit, whose step lets gradients through. */
  readonly perceptron: boolean;
  /** The attribute name of the layer (the step's name, with the layer's suffix). */
  readonly attribute: string;
  /** The step's local variable in forward. */
  readonly local: string;
  /** Adds an attribute; its state dict entries are given by their names within it. */
  addModule(construct: string, entries: readonly ModuleEntry[], note?: string): string;
  /** The value in the wanted layout, moving its channels when they are elsewhere. */
  inLayout(value: PyValue, layout: Layout): string;
  /** Writes `local = expression` and returns the local: for steps that take several lines. */
  assign(expression: string, comment?: string): string;
  use(helper: PytorchHelper): void;
}

export interface ModuleEntry {
  /** Its name within the module: `weight`, `bias_ih_l0`. */
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype?: 'float32' | 'int64';
  readonly source: WeightSource;
}

/** What a layer's translation gives back: the value it computes, and a comment for forward. */
export interface LayerResult {
  readonly value: PyValue;
  /** Set when the line needs one, e.g. when no attribute carries the node's title. */
  readonly comment?: string;
}

/** The network as PyTorch: modules, forward and state dict. */
export function pytorchNetwork(network: NetworkSteps): PytorchNetwork {
  const names = new PythonNames(network.steps.map((step) => step.name));
  const perceptron = isLonePerceptron(network);
  const modules: TorchModule[] = [];
  const stateDict: StateEntry[] = [];
  const helpers = new Set<PytorchHelper>();
  const forwardLines: string[] = [];
  const values = new Map<string, PyValue>();
  const returned = new Map<string, string>();

  const inLayout = (value: PyValue, layout: Layout): string => {
    if (value.layout === layout || value.shape.length < 2) return value.expression;
    const helper = layout === 'first' ? 'channels_first' : 'channels_last';
    helpers.add(helper);
    return `${helper}(${value.expression})`;
  };

  for (const step of network.steps) {
    const local = names.local(step.name);
    if (step.role === 'input') {
      values.set(step.name, {
        expression: local,
        layout: 'last',
        shape: step.output.shape.map(known),
      });
      continue;
    }
    const inputs = step.inputs.map((name) => values.get(name)!);
    if (step.role === 'output') {
      returned.set(step.name, inLayout(inputs[0]!, 'last'));
      continue;
    }
    let titled = false;
    let current: PyValue[] = inputs;
    let comment: string | undefined;
    for (const spec of step.layers) {
      const attribute = names.attribute(`${step.name}${spec.nameSuffix ?? ''}`);
      const context: LayerContext = {
        step,
        spec,
        perceptron,
        attribute,
        local,
        addModule(construct, entries, note) {
          const title = titled
            ? `${commentText(step.title)}: its activation`
            : commentText(step.title);
          titled = true;
          modules.push({
            name: attribute,
            construct,
            comment: note ? `${title}. ${note}` : title,
            frozen: !step.trainable && entries.length > 0,
            keepsStatistics: entries.length > 0 && holdsAveragedStatistics(step.weights),
          });
          for (const entry of entries) {
            stateDict.push({
              key: `${attribute}.${entry.name}`,
              shape: entry.shape,
              dtype: entry.dtype ?? 'float32',
              source: entry.source,
            });
          }
          return `self.${attribute}`;
        },
        inLayout,
        assign(expression, lineComment) {
          forwardLines.push(withComment(`${local} = ${expression}`, lineComment));
          return local;
        },
        use: (helper) => helpers.add(helper),
      };
      const result = translateLayer(context, current);
      current = [result.value];
      comment = result.comment ?? comment;
    }
    const value = current[0]!;
    if (value.expression !== local) {
      forwardLines.push(
        withComment(
          `${local} = ${value.expression}`,
          titled ? comment : (comment ?? commentText(step.title)),
        ),
      );
    }
    values.set(step.name, { ...value, expression: local });
  }

  return {
    modules,
    parameters: network.inputs.map((step) => names.local(step.name)),
    forwardLines,
    // In the network's order of Outputs, as the TF.js model gives its outputs.
    returns: network.outputs.map((step) => returned.get(step.name)!),
    helpers,
    stateDict,
  };
}

function withComment(line: string, comment: string | undefined): string {
  return comment ? `${line}  # ${comment}` : line;
}

function known(size: number | null): number {
  if (size === null) throw new Error('A PyTorch export needs every size of the network known.');
  return size;
}

/**
 * Rosenblatt's perceptron: one step unit between Input and Output and nothing else, which
 * Neurite trains by the perceptron rule (see shared/inference/perceptron.ts).
 */
function isLonePerceptron(network: NetworkSteps): boolean {
  const layers = network.steps.filter((step) => step.role === 'layer');
  if (layers.length !== 1) return false;
  const [main, ...extra] = layers[0]!.layers;
  return (
    main?.className === 'Dense' &&
    main.config['units'] === 1 &&
    extra.some((spec) => spec.className === STEP_LAYER_CLASS)
  );
}
