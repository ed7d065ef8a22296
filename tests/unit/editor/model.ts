/*
 * The editor's document model, for tests that run it in Node. The model is pure TypeScript
 * (no DOM, no React), so tsconfig.node.json type-checks it alongside main and the tests.
 */
export * from '../../../src/renderer/src/editor/model';
