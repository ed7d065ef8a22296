import { ACTIVATION_LAYER_SUFFIX, ACTIVATION_TITLES } from '../../shared/catalog/activations';
import type { Activation } from '../../shared/catalog/activations';
import { LOSS_TITLES } from '../../shared/catalog/losses';
import type { Loss, Task } from '../../shared/catalog/losses';
import { LAYER_KINDS } from '../../shared/catalog/registry';
import { activationKind } from '../../shared/catalog/kinds/activation';
import type { LayerKind, NodeParams } from '../../shared/catalog/types';
import type { GraphEdge, GraphNode } from '../../shared/graph/document';
import { NODE_ID_PATTERN } from '../../shared/graph/document';
import { checkNodeParams } from '../../shared/graph/node-params';
import type { TensorInfo } from '../../shared/shapes/shape';
import { ModelImportError } from './import-error';
import type { Topology, TopologyLayer } from './topology';

/** A saved model's layers as a Neurite network, with where each weight goes. */
export interface LayersAsNetwork {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  /**
   * The model's outputs: the node each comes from, its Output node, and the note that says
   * how that Output's task and loss were guessed (a saved model does not say).
   */
  readonly outputs: readonly {
    readonly source: string;
    readonly output: string;
    readonly guess: string;
  }[];
  /** Each node's output, as shape inference worked it out on the way. */
  readonly tensors: ReadonlyMap<string, TensorInfo>;
  /** Weight names of the saved model → the names Neurite's compiled network gives them. */
  readonly renames: ReadonlyMap<string, string>;
  /** What changed on the way, for the student to check (see TfjsReading.notes). */
  readonly notes: readonly string[];
}

/** The kind that reads each TF.js class, from the kinds' own `fromTfjs`. */
const READERS: ReadonlyMap<string, LayerKind> = new Map(
  LAYER_KINDS.flatMap((kind) => (kind.fromTfjs?.classNames ?? []).map((c) => [c, kind] as const)),
);

/** The TF.js classes Neurite reads, for the refusal of any other. */
function knownClasses(): string {
  return [...READERS.keys()]
    .filter((name) => !name.startsWith('Neurite'))
    .concat('Bidirectional')
    .join(', ');
}

/**
 * Turns the layers of a saved model into nodes and connections, each layer read by the kind
 * that has its TF.js class (`fromTfjs`), checked against the kind's params and shape rules as
 * it goes. A layer followed by its own `<name>_activation` layer, as Neurite writes an
 * activation TF.js has no argument for, becomes one node again. Node ids are the layer names
 * where TF.js' names are valid ids, so the weights keep their names.
 */
export function networkFromLayers(
  topology: Topology,
  weightNames: readonly string[],
): LayersAsNetwork {
  const ids = nodeIds(topology.layers);
  const consumers = new Map<string, string[]>();
  for (const layer of topology.layers) {
    for (const source of layer.inbound)
      consumers.set(source, [...(consumers.get(source) ?? []), layer.name]);
  }
  const byName = new Map(topology.layers.map((layer) => [layer.name, layer]));
  /** Layer name → the node that computes its output (an activation layer's is its owner's). */
  const nodeOf = new Map<string, string>();
  const tensors = new Map<string, TensorInfo>();
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const notes: string[] = [];
  const renames = new Map<string, string>();
  const absorbed = new Set<string>();
  const outputLayers = new Set(topology.outputs);

  for (const layer of topology.layers) {
    if (absorbed.has(layer.name)) continue;
    const id = ids.get(layer.name)!;
    const kind = kindReading(layer);
    const name = displayName(layer);
    const inputs = layer.inbound.map((source) => tensors.get(nodeOf.get(source)!)!);
    const reading = kind.fromTfjs!.read(layer.spec, { name, inputs });
    if (!reading.ok) throw new ModelImportError('unsupported', reading.reason);
    notes.push(...(reading.notes ?? []));
    let params: NodeParams = readsWordIds(layer, kind, consumers, byName)
      ? { ...reading.params, form: 'tokens' }
      : reading.params;

    const partner = activationPartner(layer, kind, params, byName, consumers, outputLayers);
    if (partner) {
      const own = activationKind.fromTfjs!.read(partner.spec, {
        name: displayName(partner),
        inputs: [],
      });
      if (own.ok) {
        params = { ...params, ...own.params };
        absorbed.add(partner.name);
        nodeOf.set(partner.name, id);
        rename(weightNames, partner.name, `${id}${ACTIVATION_LAYER_SUFFIX}`, false, renames);
      }
    }

    const checked = checkNodeParams({ id, kind: kind.kind }, params);
    if (!checked.ok) {
      throw new ModelImportError(
        'unsupported',
        `${name} cannot become a Neurite ${kind.title}: ${checked.problems[0]!.message}`,
      );
    }
    const ports = kind.inputPorts(checked.params);
    if (ports.length !== layer.inbound.length) {
      throw new ModelImportError(
        'unsupported',
        `${name} reads ${layer.inbound.length} layers, but Neurite's ${kind.title} reads ${ports.length}. Rebuild the model so that it does, train it again and export it again.`,
      );
    }
    const outcome = kind.infer({ params: checked.params, inputs, name });
    if (!outcome.ok) {
      throw new ModelImportError(
        'unsupported',
        `The model does not fit together as Neurite builds it: ${outcome.errors[0]!.message}`,
      );
    }
    // Keras freezes a whole model layer by layer; only a layer with weights has any to keep.
    const frozen =
      layer.spec.config['trainable'] === false &&
      (kind.weights?.tensors(checked.params, inputs).length ?? 0) > 0;
    nodes.push({
      id,
      kind: kind.kind,
      position: { x: 0, y: 0 },
      params: checked.params,
      ...(frozen ? { trainable: false } : {}),
    });
    nodeOf.set(layer.name, id);
    tensors.set(id, outcome.output);
    layer.inbound.forEach((source, i) =>
      edges.push(edge(edges.length, nodeOf.get(source)!, id, ports[i]!.id)),
    );
    rename(weightNames, layer.name, id, layer.spec.className === 'Bidirectional', renames);
  }

  const taken = new Set(nodes.map((node) => node.id));
  const outputs: { source: string; output: string; guess: string }[] = [];
  for (const layerName of topology.outputs) {
    const source = nodeOf.get(layerName);
    if (!source) {
      throw new ModelImportError(
        'invalid-input',
        `The model's output "${layerName}" is not one of its layers. Save the model again and import it again.`,
      );
    }
    const id = freeId('output', taken);
    const purpose = guessPurpose(source, nodes, edges, tensors);
    nodes.push({ id, kind: 'Output', position: { x: 0, y: 0 }, params: purpose.params });
    edges.push(edge(edges.length, source, id, 'in'));
    outputs.push({ source, output: id, guess: purpose.note });
  }
  return { nodes, edges, outputs, tensors, renames, notes };
}

/**
 * An input that only Embeddings read holds word ids, whatever number type the model declared
 * for it (Keras declares float32 unless told otherwise): Neurite's input of form "tokens".
 */
function readsWordIds(
  layer: TopologyLayer,
  kind: LayerKind,
  consumers: ReadonlyMap<string, readonly string[]>,
  byName: ReadonlyMap<string, TopologyLayer>,
): boolean {
  const readers = consumers.get(layer.name) ?? [];
  return (
    kind.role === 'input' &&
    readers.length > 0 &&
    readers.every((name) => byName.get(name)?.spec.className === 'Embedding')
  );
}

/** The kind that reads a layer, or the refusal that names its class and what to do. */
function kindReading(layer: TopologyLayer): LayerKind {
  const { spec } = layer;
  if (spec.className !== 'Bidirectional' && spec.wrapped === undefined) {
    const kind = READERS.get(spec.className);
    if (kind) return kind;
  }
  const inner = spec.wrapped ? READERS.get(spec.wrapped.className) : undefined;
  if (
    spec.className === 'Bidirectional' &&
    inner?.fromTfjs?.classNames.some((c) => isRecurrent(c))
  ) {
    return inner;
  }
  const what =
    spec.className === 'Bidirectional'
      ? `a Bidirectional around a ${spec.wrapped?.className ?? 'layer'}, which Neurite has only for SimpleRNN, LSTM and GRU`
      : `a ${spec.className}, which Neurite has no layer for`;
  throw new ModelImportError(
    'unsupported',
    `The layer "${layer.name}" is ${what}, so the model cannot be imported. Neurite reads models made of these TensorFlow.js layers: ${knownClasses()}. Rebuild the model without it, or build the network in Neurite.`,
  );
}

function isRecurrent(className: string): boolean {
  return className === 'SimpleRNN' || className === 'LSTM' || className === 'GRU';
}

/** How messages name a layer of the model: `Dense "hidden"`, `Bidirectional LSTM "encoder"`. */
function displayName(layer: TopologyLayer): string {
  const className = layer.spec.wrapped
    ? `${layer.spec.className} ${layer.spec.wrapped.className}`
    : layer.spec.className;
  return `${className} "${layer.name}"`;
}

/**
 * The activation layer Neurite wrote after `layer` for an activation TF.js has no argument for
 * (`hidden` → `hidden_activation`): read only by it, and only when the layer's own activation
 * is linear, so the pair means exactly one node with that activation.
 */
function activationPartner(
  layer: TopologyLayer,
  kind: LayerKind,
  params: NodeParams,
  byName: ReadonlyMap<string, TopologyLayer>,
  consumers: ReadonlyMap<string, readonly string[]>,
  outputs: ReadonlySet<string>,
): TopologyLayer | undefined {
  if (params['activation'] !== 'linear' || !hasActivationParam(kind)) return undefined;
  const partner = byName.get(`${layer.name}${ACTIVATION_LAYER_SUFFIX}`);
  const readers = consumers.get(layer.name) ?? [];
  if (!partner || readers.length !== 1 || readers[0] !== partner.name || outputs.has(layer.name)) {
    return undefined;
  }
  return activationKind.fromTfjs!.classNames.includes(partner.spec.className) &&
    partner.spec.className !== 'Activation'
    ? partner
    : undefined;
}

function hasActivationParam(kind: LayerKind): boolean {
  const shape = (kind.paramsSchema as { shape?: Record<string, unknown> }).shape ?? {};
  return kind.kind !== activationKind.kind && 'activation' in shape && 'leakyAlpha' in shape;
}

/**
 * Saved weights of a layer (`dense/kernel`, `lstm/lstm_cell/kernel`) under the name Neurite's
 * network gives them: `<node>/kernel`, and for a bidirectional layer
 * `<node>/forward_<node>_inner/kernel` (see the compiler's weight names).
 */
function rename(
  weightNames: readonly string[],
  layerName: string,
  target: string,
  bidirectional: boolean,
  renames: Map<string, string>,
): void {
  const prefix = `${layerName}/`;
  for (const weight of weightNames) {
    if (!weight.startsWith(prefix)) continue;
    const rest = weight.slice(prefix.length).replace(/:\d+$/, '');
    const last = rest.split('/').at(-1)!;
    if (!bidirectional) {
      renames.set(weight, `${target}/${last}`);
      continue;
    }
    const direction = /(?:^|\/)(forward|backward)_/.exec(rest)?.[1];
    if (direction) renames.set(weight, `${target}/${direction}_${target}_inner/${last}`);
  }
}

/** Ids from the layer names: kept where TF.js' name is a valid id, made valid where not. */
function nodeIds(layers: readonly TopologyLayer[]): Map<string, string> {
  const taken = new Set<string>();
  const ids = new Map<string, string>();
  for (const layer of layers) {
    if (NODE_ID_PATTERN.test(layer.name) && !taken.has(layer.name)) {
      ids.set(layer.name, layer.name);
      taken.add(layer.name);
    }
  }
  for (const layer of layers) {
    if (ids.has(layer.name)) continue;
    let base = layer.name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 56);
    if (!/^[A-Za-z]/.test(base)) base = `layer_${base}`.slice(0, 56);
    ids.set(layer.name, freeId(base, taken));
  }
  return ids;
}

function freeId(base: string, taken: Set<string>): string {
  let id = base;
  for (let i = 2; taken.has(id); i += 1) id = `${base}_${i}`;
  taken.add(id);
  return id;
}

function edge(index: number, source: string, target: string, port: string): GraphEdge {
  return {
    id: `e${index + 1}`,
    source: { node: source, port: 'out' },
    target: { node: target, port },
  };
}

/**
 * What an output is for, which a saved model does not say: guessed from the activation that
 * makes its values, with a note asking the student to check it.
 */
function guessPurpose(
  source: string,
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  tensors: ReadonlyMap<string, TensorInfo>,
): { params: { task: Task; loss: Loss }; note: string } {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  let current = byId.get(source);
  let activation: Activation = 'linear';
  for (let guard = 0; current && guard < nodes.length; guard += 1) {
    const own = current.params['activation'];
    if (typeof own === 'string') {
      activation = own as Activation;
      break;
    }
    const flow = LAYER_KINDS.find((k) => k.kind === current!.kind)?.valueFlow;
    if (flow !== 'unchanged' && flow !== 'reshaped') break;
    const from = edges.find((e) => e.target.node === current!.id)?.source.node;
    current = from ? byId.get(from) : undefined;
  }
  const params: { task: Task; loss: Loss } = rebuildsInput(source, nodes, tensors)
    ? {
        task: 'reconstruction',
        loss: activation === 'sigmoid' ? 'binaryCrossentropy' : 'meanSquaredError',
      }
    : activation === 'softmax'
      ? { task: 'classification', loss: 'categoricalCrossentropy' }
      : activation === 'sigmoid' || activation === 'step'
        ? { task: 'classification', loss: 'binaryCrossentropy' }
        : { task: 'regression', loss: 'meanSquaredError' };
  return {
    params,
    note: `The model does not say what its output is for, so Neurite guessed it from the last activation (${ACTIVATION_TITLES[activation]}): ${params.task} with ${LOSS_TITLES[params.loss]}. Check the Output's task and loss before training.`,
  };
}

/**
 * An autoencoder's output: as many values as its one input, in the same shape, and more than
 * a handful (a classifier of two features into two classes has the same shape by chance).
 */
function rebuildsInput(
  source: string,
  nodes: readonly GraphNode[],
  tensors: ReadonlyMap<string, TensorInfo>,
): boolean {
  const inputs = nodes.filter((node) => node.kind === 'Input');
  const output = tensors.get(source)?.shape;
  const input = inputs.length === 1 ? tensors.get(inputs[0]!.id)?.shape : undefined;
  if (!output || !input || output.join(',') !== input.join(',')) return false;
  return output.reduce<number>((count, d) => count * (d ?? 0), 1) >= 16;
}
