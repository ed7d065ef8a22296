import type { TfLayerSpec } from '../../shared/catalog/types';
import { ModelImportError } from './import-error';
import { camelKeys } from './pythonic';

/** One layer of a saved model: its TF.js spec and the layers whose outputs it reads, in order. */
export interface TopologyLayer {
  readonly name: string;
  readonly spec: TfLayerSpec;
  readonly inbound: readonly string[];
}

/** A saved layers model as a list of layers, each after those it reads, and its outputs. */
export interface Topology {
  readonly name: string;
  readonly layers: readonly TopologyLayer[];
  /** The layers whose outputs are the model's outputs, in the model's order. */
  readonly outputs: readonly string[];
}

interface RawLayer {
  readonly name?: unknown;
  readonly class_name?: unknown;
  readonly config?: unknown;
  readonly inbound_nodes?: unknown;
}

const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);
const REBUILD =
  'Save it as a TensorFlow.js layers model (model.save in TensorFlow.js, or tensorflowjs_converter from a Keras 2 .h5 file) and import that.';

/**
 * Reads model.json's `modelTopology` as TF.js and tensorflowjs_converter write it: a
 * Sequential model (a chain) or a functional one (`Model`, `Functional`: layers with the
 * layers they read). Refuses, naming the layer, what a Neurite network cannot draw: models
 * inside models, a layer used twice, a layer's second output.
 */
export function readTopology(modelTopology: unknown): Topology {
  const top = (modelTopology ?? {}) as Record<string, unknown>;
  // A converted Keras file nests the model one level down, beside its training settings.
  const model = (top['model_config'] ?? top) as { class_name?: unknown; config?: unknown };
  const className = model.class_name;
  if (typeof className !== 'string' || !MODEL_CLASSES.has(className)) {
    throw new ModelImportError(
      'invalid-input',
      `The model's topology is a ${JSON.stringify(className) ?? 'nothing'}, not a Sequential or functional layers model, so Neurite cannot read it. ${REBUILD}`,
    );
  }
  const config = (Array.isArray(model.config) ? { layers: model.config } : model.config) as {
    name?: unknown;
    layers?: unknown;
    output_layers?: unknown;
  };
  if (!Array.isArray(config?.layers) || config.layers.length === 0) {
    throw new ModelImportError('invalid-input', `The model lists no layers. ${REBUILD}`);
  }
  const raw = config.layers as RawLayer[];
  for (const layer of raw) refuseNestedModel(layer);
  const name = typeof config.name === 'string' ? config.name : 'Imported model';
  const layers = className === 'Sequential' ? sequentialLayers(raw) : functionalLayers(raw);
  const outputs =
    className === 'Sequential' ? [layers.at(-1)!.name] : tensorRefs(config.output_layers);
  return { name, layers: inComputeOrder(layers), outputs };
}

function refuseNestedModel(layer: RawLayer): void {
  if (typeof layer.class_name === 'string' && MODEL_CLASSES.has(layer.class_name)) {
    throw new ModelImportError(
      'unsupported',
      `The layer "${String(layer.name ?? (layer.config as { name?: unknown })?.name)}" is a whole model (${layer.class_name}) used inside this one; Neurite imports models made of layers only. Rebuild the model with that model's layers in place of it, train it again and export it again.`,
    );
  }
}

/** A layer's TF.js spec, with the layer a Bidirectional wraps. */
function specOf(layer: { class_name?: unknown; config?: unknown }): TfLayerSpec {
  const config = (camelKeys(layer.config ?? {}) ?? {}) as Record<string, unknown>;
  const { layer: inner, ...own } = config as { layer?: unknown } & Record<string, unknown>;
  const className = String(layer.class_name);
  if (className === 'Bidirectional' && inner && typeof inner === 'object') {
    const wrapped = inner as { className?: unknown; config?: unknown };
    return {
      className,
      config: own,
      wrapped: {
        className: String(wrapped.className),
        config: (wrapped.config ?? {}) as Record<string, unknown>,
      },
    };
  }
  return { className, config };
}

function layerName(layer: RawLayer, spec: TfLayerSpec): string {
  const name = layer.name ?? spec.config['name'];
  if (typeof name === 'string' && name.length > 0) return name;
  throw new ModelImportError('invalid-input', `A ${spec.className} layer has no name. ${REBUILD}`);
}

/** A Sequential model: each layer reads the one before; the input comes first. */
function sequentialLayers(raw: readonly RawLayer[]): TopologyLayer[] {
  const layers = raw.map((layer) => {
    const spec = specOf(layer);
    return { name: layerName(layer, spec), spec };
  });
  if (layers[0]!.spec.className !== 'InputLayer') {
    // The first layer then says what one example looks like, as TF.js' `inputShape` does.
    const first = layers[0]!.spec.config;
    const taken = new Set(layers.map((l) => l.name));
    let name = 'input';
    for (let i = 2; taken.has(name); i += 1) name = `input_${i}`;
    layers.unshift({
      name,
      spec: {
        className: 'InputLayer',
        config: {
          batchInputShape: first['batchInputShape'] ?? first['batchShape'],
          dtype: first['dtype'] ?? 'float32',
        },
      },
    });
  }
  return layers.map((layer, i) => ({ ...layer, inbound: i === 0 ? [] : [layers[i - 1]!.name] }));
}

/** A functional model: each layer names the outputs it reads (`inbound_nodes`). */
function functionalLayers(raw: readonly RawLayer[]): TopologyLayer[] {
  return raw.map((layer) => {
    const spec = specOf(layer);
    const name = layerName(layer, spec);
    const calls = layer.inbound_nodes ?? [];
    if (!Array.isArray(calls)) throw unreadable(name);
    if (calls.length > 1) {
      throw new ModelImportError(
        'unsupported',
        `The layer "${name}" (${spec.className}) is used ${calls.length} times with the same weights, which a Neurite network cannot draw: each of its layers is used once. Give each use its own layer, train the model again and export it again.`,
      );
    }
    const inbound = calls.length === 0 ? [] : tensorRefs(calls[0], name);
    return { name, spec, inbound };
  });
}

/** `[["hidden", 0, 0, {}], …]`: the layers whose first output is read. */
function tensorRefs(refs: unknown, reader?: string): string[] {
  if (!Array.isArray(refs)) throw unreadable(reader);
  return refs.map((ref: unknown) => {
    if (!Array.isArray(ref) || typeof ref[0] !== 'string') throw unreadable(reader);
    if (ref[1] !== 0 || ref[2] !== 0) {
      throw new ModelImportError(
        'unsupported',
        `${reader ? `The layer "${reader}"` : 'The model'} reads another output of "${ref[0]}" than its first (a returned state, or a layer used twice), which a Neurite network cannot draw. Rebuild the model so that each layer's one output is used, train it again and export it again.`,
      );
    }
    return ref[0];
  });
}

function unreadable(layer: string | undefined): ModelImportError {
  return new ModelImportError(
    'invalid-input',
    `The connections ${layer ? `of the layer "${layer}"` : 'to the model’s outputs'} are written in a form Neurite does not read (Keras 3 writes them so). ${REBUILD}`,
  );
}

/** The layers, each after those it reads (saved models list them so; checked, not trusted). */
function inComputeOrder(layers: readonly TopologyLayer[]): TopologyLayer[] {
  const byName = new Map(layers.map((layer) => [layer.name, layer]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: TopologyLayer[] = [];
  const visit = (layer: TopologyLayer): void => {
    if (done.has(layer.name)) return;
    if (visiting.has(layer.name)) {
      throw new ModelImportError(
        'invalid-input',
        `The layer "${layer.name}" reads its own output through a loop. ${REBUILD}`,
      );
    }
    visiting.add(layer.name);
    for (const source of layer.inbound) {
      const from = byName.get(source);
      if (!from) {
        throw new ModelImportError(
          'invalid-input',
          `The layer "${layer.name}" reads a layer "${source}" that the model does not have. ${REBUILD}`,
        );
      }
      visit(from);
    }
    visiting.delete(layer.name);
    done.add(layer.name);
    ordered.push(layer);
  };
  layers.forEach(visit);
  return ordered;
}
