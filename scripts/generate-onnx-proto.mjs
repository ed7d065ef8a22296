// Derives src/main/engine/export/onnx/onnx-proto.json from ONNX's official onnx.proto beside
// it, with protobufjs itself (the library that encodes the models): every Neurite process can
// import JSON, while a .proto would need a file read at run time. A unit test fails when the
// two differ. Run: npm run generate:onnx-proto
import { readFileSync, writeFileSync } from 'node:fs';
import protobuf from 'protobufjs';

const folder = new URL('../src/main/engine/export/onnx/', import.meta.url);
const proto = readFileSync(new URL('onnx.proto', folder), 'utf8');
const root = protobuf.parse(proto, { keepCase: true }).root;
writeFileSync(new URL('onnx-proto.json', folder), `${JSON.stringify(root.toJSON())}\n`);
