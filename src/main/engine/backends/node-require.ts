import { createRequire } from 'node:module';

/**
 * A require the bundler does not follow: the TensorFlow.js backends are loaded at run time
 * (tfjs-node and tfjs-node-gpu are optional and often absent), never bundled into main.
 */
export const nodeRequire: NodeJS.Require = createRequire(import.meta.url);
