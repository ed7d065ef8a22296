/**
 * The one TensorFlow.js import of the engine. Backends (tfjs-node, tfjs-node-gpu, wasm) all
 * register on this same module, so every engine file imports `tf` from here.
 */
import * as tf from '@tensorflow/tfjs';

export { tf };
