import { ATTRIBUTE_TYPE, DATA_TYPE, IR_VERSION, ModelProto, OPSET_VERSION } from './onnx-schema';

/** An attribute value as an operator wants it; `float` tells a float from an int. */
export type AttributeValue =
  | number
  | readonly number[]
  | string
  | readonly string[]
  | { readonly float: number }
  | { readonly floats: readonly number[] };

export type ElementType = keyof typeof DATA_TYPE;

/** A graph input or output: its name, element type and dims (a string names a free dim). */
export interface GraphValue {
  readonly name: string;
  readonly type: ElementType;
  readonly dims: readonly (number | string)[];
}

/**
 * Builds an ONNX graph node by node. Every tensor gets a unique name made from the layer it
 * belongs to (`f5/kernel`, `f5/MatMul`), so a model opened in Netron reads like the network.
 */
export class OnnxGraph {
  private readonly nodes: object[] = [];
  private readonly initializers: object[] = [];
  private readonly taken = new Set<string>();

  /** A name not used yet, `base` itself when free. */
  fresh(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n += 1) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }

  /** Adds one operator with one output; returns the output's name. */
  op(
    type: string,
    inputs: readonly string[],
    name: string,
    attributes: Readonly<Record<string, AttributeValue>> = {},
  ): string {
    return this.opWithOutputs(type, inputs, name, 1, attributes)[0]!;
  }

  /** Adds one operator with `count` outputs, named `name`, `name:1`, … */
  opWithOutputs(
    type: string,
    inputs: readonly string[],
    name: string,
    count: number,
    attributes: Readonly<Record<string, AttributeValue>> = {},
  ): string[] {
    const nodeName = this.fresh(name);
    const outputs = Array.from({ length: count }, (_, i) =>
      i === 0 ? nodeName : this.fresh(`${nodeName}:${i}`),
    );
    this.nodes.push({
      name: nodeName,
      op_type: type,
      input: [...inputs],
      output: outputs,
      attribute: Object.entries(attributes).map(([key, value]) => attribute(key, value)),
    });
    return outputs;
  }

  /** A float32 weight of the model. */
  weight(name: string, values: Float32Array, dims: readonly number[]): string {
    const unique = this.fresh(name);
    this.initializers.push({
      name: unique,
      data_type: DATA_TYPE.float32,
      dims: [...dims],
      // Raw little-endian bytes: compact, and what every runtime reads fastest.
      raw_data: littleEndianBytes(values),
    });
    return unique;
  }

  /** An int64 constant (shapes, axes, repeats). */
  ints(name: string, values: readonly number[]): string {
    const unique = this.fresh(name);
    this.initializers.push({
      name: unique,
      data_type: DATA_TYPE.int64,
      dims: [values.length],
      int64_data: [...values],
    });
    return unique;
  }

  /** A float32 scalar constant. */
  scalar(name: string, value: number): string {
    return this.weight(name, Float32Array.of(value), []);
  }

  /** The whole model, encoded with ONNX's schema. */
  encode(options: {
    readonly name: string;
    readonly description: string;
    readonly inputs: readonly GraphValue[];
    readonly outputs: readonly GraphValue[];
  }): Uint8Array {
    const message = ModelProto.fromObject({
      ir_version: IR_VERSION,
      opset_import: [{ domain: '', version: OPSET_VERSION }],
      producer_name: 'Neurite',
      producer_version: '1',
      doc_string: options.description,
      graph: {
        name: options.name,
        node: this.nodes,
        initializer: this.initializers,
        input: options.inputs.map(valueInfo),
        output: options.outputs.map(valueInfo),
      },
    });
    return ModelProto.encode(message).finish();
  }
}

function valueInfo(value: GraphValue): object {
  return {
    name: value.name,
    type: {
      tensor_type: {
        elem_type: DATA_TYPE[value.type],
        shape: {
          dim: value.dims.map((dim) =>
            typeof dim === 'number' ? { dim_value: dim } : { dim_param: dim },
          ),
        },
      },
    },
  };
}

function attribute(name: string, value: AttributeValue): object {
  if (typeof value === 'number') return { name, type: ATTRIBUTE_TYPE.int, i: value };
  if (typeof value === 'string') {
    return { name, type: ATTRIBUTE_TYPE.string, s: new TextEncoder().encode(value) };
  }
  if ('float' in value) return { name, type: ATTRIBUTE_TYPE.float, f: value.float };
  if ('floats' in value) return { name, type: ATTRIBUTE_TYPE.floats, floats: [...value.floats] };
  if (value.every((item) => typeof item === 'string')) {
    return {
      name,
      type: ATTRIBUTE_TYPE.strings,
      strings: value.map((item) => new TextEncoder().encode(item)),
    };
  }
  return { name, type: ATTRIBUTE_TYPE.ints, ints: [...value] };
}

function littleEndianBytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setFloat32(i * 4, value, true));
  return bytes;
}
