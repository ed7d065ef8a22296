import type { z } from 'zod';
import type { TensorInfo } from '../shapes/shape';

/** Palette groups, in the order the editor shows them. */
export const LAYER_GROUPS = [
  { id: 'io', title: 'Inputs & outputs' },
  { id: 'core', title: 'Core' },
  { id: 'convolution', title: 'Convolution & pooling' },
  { id: 'recurrent', title: 'Recurrent' },
  { id: 'merge', title: 'Merge' },
  { id: 'regularization', title: 'Regularization' },
] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number]['id'];

export interface PortSpec {
  readonly id: string;
  readonly label: string;
}

export interface ParamCount {
  readonly trainable: number;
  readonly nonTrainable: number;
}

export const NO_PARAMS: ParamCount = { trainable: 0, nonTrainable: 0 };

/** Something wrong with one node, phrased so that a student knows what to change. */
export interface NodeProblem {
  readonly severity: 'error' | 'warning';
  /** Stable identifier, e.g. `input.rank`, for tests and for the UI to pick icons. */
  readonly code: string;
  readonly message: string;
  /** The parameter the problem is about, when there is one. */
  readonly field?: string;
}

export interface InferContext<P> {
  readonly params: P;
  /** One entry per input port, in port order. */
  readonly inputs: readonly TensorInfo[];
  /** How messages name the node: `Dense "hidden"`. */
  readonly name: string;
}

/** Either the node's output and parameter count, or why it has none. */
export type InferOutcome =
  | {
      readonly ok: true;
      readonly output: TensorInfo;
      readonly params: ParamCount;
      readonly warnings?: readonly NodeProblem[];
    }
  | { readonly ok: false; readonly errors: readonly NodeProblem[] };

/**
 * A TensorFlow.js layer as plain data: the class name and the arguments its constructor takes
 * (TF.js camelCase). Initializers and regularizers inside `config` are `{className, config}`
 * dictionaries, which TF.js deserializes itself. The engine turns these into real layers, so
 * this folder never imports TF.js.
 */
export interface TfLayerSpec {
  readonly className: string;
  readonly config: Readonly<Record<string, unknown>>;
  /** For wrappers (Bidirectional): the layer they wrap. */
  readonly wrapped?: TfLayerSpec;
  /**
   * Appended to the node id to name the TF.js layer. The node's main layer has none, so its
   * TF.js name is the node id; an activation split into its own layer gets `_activation`.
   */
  readonly nameSuffix?: string;
}

/** Everything Neurite knows about one kind of layer. One file per kind under `kinds/`. */
export interface LayerKindDefinition<S extends z.ZodType> {
  readonly kind: string;
  readonly title: string;
  readonly group: LayerGroup;
  /** One sentence a first-year student understands. */
  readonly summary: string;
  /** Strict object schema; every field has a default and a `.meta({ title, description })`. */
  readonly paramsSchema: S;
  inputPorts(params: z.output<S>): readonly PortSpec[];
  readonly outputPorts: readonly PortSpec[];
  /** The key parameters, short, for the node's face: "16 units · ReLU". */
  describe(params: z.output<S>): string;
  infer(ctx: InferContext<z.output<S>>): InferOutcome;
  /**
   * The TF.js layers this node becomes, applied in sequence. Empty for nodes that only mark
   * something (Output); Input becomes `InputLayer`, which the compiler turns into `tf.input`.
   */
  toTfjs(params: z.output<S>, inputs: readonly TensorInfo[]): readonly TfLayerSpec[];
}

export type NodeParams = Readonly<Record<string, unknown>>;

/** A kind with its parameter type erased, as stored in the registry. */
export interface LayerKind {
  readonly kind: string;
  readonly title: string;
  readonly group: LayerGroup;
  readonly summary: string;
  readonly paramsSchema: z.ZodType<NodeParams>;
  inputPorts(params: NodeParams): readonly PortSpec[];
  readonly outputPorts: readonly PortSpec[];
  describe(params: NodeParams): string;
  infer(ctx: InferContext<NodeParams>): InferOutcome;
  toTfjs(params: NodeParams, inputs: readonly TensorInfo[]): readonly TfLayerSpec[];
}

export function defineKind<S extends z.ZodType>(definition: LayerKindDefinition<S>): LayerKind {
  // Safe: the registry only calls these functions with params that `paramsSchema` produced.
  return definition as unknown as LayerKind;
}
