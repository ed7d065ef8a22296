import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import onnxProto from '../../../src/main/engine/export/onnx/onnx-proto.json';

/** The schema the ONNX exporter encodes with is ONNX's official onnx.proto, as protobufjs reads it. */
describe('the ONNX schema', () => {
  it('is onnx.proto, unchanged: npm run generate:onnx-proto derives the JSON again when it is not', () => {
    const proto = readFileSync(
      new URL('../../../src/main/engine/export/onnx/onnx.proto', import.meta.url),
      'utf8',
    );
    expect(proto).toContain('SPDX-License-Identifier: Apache-2.0');
    const parsed = protobuf.parse(proto, { keepCase: true }).root.toJSON();
    expect(onnxProto).toEqual(JSON.parse(JSON.stringify(parsed)));
  });
});
