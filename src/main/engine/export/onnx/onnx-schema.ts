import protobuf from 'protobufjs';
import onnxProto from './onnx-proto.json';

/**
 * ONNX's own schema: onnx.proto from the ONNX repository (beside this file, unchanged), as
 * protobufjs reads it (onnx-proto.json, derived by scripts/generate-onnx-proto.mjs). Models are
 * encoded by the library from the official message definitions, never by hand.
 */
const root = protobuf.Root.fromJSON(onnxProto);

export const ModelProto = root.lookupType('onnx.ModelProto');

const dataTypes = root.lookupEnum('onnx.TensorProto.DataType').values;
const attributeTypes = root.lookupEnum('onnx.AttributeProto.AttributeType').values;

/** TensorProto.DataType numbers of the element types a Neurite network uses. */
export const DATA_TYPE = {
  float32: dataTypes['FLOAT']!,
  int32: dataTypes['INT32']!,
  int64: dataTypes['INT64']!,
} as const;

/** AttributeProto.AttributeType numbers of the attribute kinds written. */
export const ATTRIBUTE_TYPE = {
  float: attributeTypes['FLOAT']!,
  int: attributeTypes['INT']!,
  string: attributeTypes['STRING']!,
  floats: attributeTypes['FLOATS']!,
  ints: attributeTypes['INTS']!,
  strings: attributeTypes['STRINGS']!,
} as const;

/**
 * The IR version and operator set written: IR 8 with opset 13 loads in ONNX 1.10 and newer
 * (Debian's python3-onnx checks it), in every maintained ONNX Runtime, and in most converters.
 */
export const IR_VERSION = 8;
export const OPSET_VERSION = 13;
