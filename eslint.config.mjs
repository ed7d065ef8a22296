// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Layering, as in VS Code's `code-layering` rule: the folder a file sits in says which runtime
 * it runs in, and so what it may import. tests/unit/architecture/import-direction.test.ts
 * checks that each of these restrictions still fires.
 *
 *   src/shared    pure TypeScript: no Electron, Node, React, TF.js or SQLite; nothing from
 *                 main, renderer or preload
 *   src/renderer  the sandboxed page: src/shared and browser libraries only
 *   src/preload   'electron' and src/shared only
 *   src/main      Node; only src/main/app may import 'electron'
 *   src/main/{app,server,services,data,results,model-import,labs}
 *                 the main process (and what it shares with the trainer family): no TF.js and
 *                 nothing from src/main/engine, which loads it; main asks a trainer-family
 *                 process instead
 *
 * The core rule matches import strings, not resolved paths, so a relative import counts as
 * reaching a layer when it climbs out with ../ and names the layer folder straight after.
 */

/** @param {string} regex @param {string} message */
const forbid = (regex, message) => ({ regex, message });

/** @param {string} folder */
const intoLayer = (folder) => `^(?:(?:\\.\\./)+|(?:\\.\\./)*src/)${folder}(?:/|$)`;

const escapeRegex = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_')).map(escapeRegex);

const ELECTRON = forbid(
  '^electron(?:/|$)',
  'Only src/main/app (and the preload) may use Electron. Put Electron code there and call it through an interface, so this code also runs in the CLI, in tests and in browser mode.',
);
const NODE = forbid(
  `^(?:node:.*|(?:${nodeBuiltins.join('|')})(?:/.*)?)$`,
  'Node built-ins are not available here. File, process and OS access belongs in src/main; ask for it through the API.',
);
const REACT = forbid(
  '^react(?:-dom)?(?:/|$)',
  'React belongs in src/renderer. Keep src/shared plain data and pure functions.',
);
const TFJS = forbid(
  '^@tensorflow/',
  'TensorFlow.js runs only in the trainer process (src/main/engine). Describe layers as data (see TfLayerSpec) instead.',
);
const SQLITE = forbid(
  '^better-sqlite3(?:/|$)',
  'SQLite is used only by the project services in src/main.',
);
const MAIN = forbid(
  intoLayer('main'),
  'Nothing outside src/main may import from it. Move the shared part to src/shared, or reach main through the API.',
);
const RENDERER = forbid(
  intoLayer('renderer'),
  'Nothing outside src/renderer may import from it. Move the shared part to src/shared.',
);
const PRELOAD = forbid(
  intoLayer('preload'),
  'Nothing may import from src/preload; it only exposes the API to the page.',
);
const MAIN_APP = forbid(
  '^(?:\\.\\./)+app(?:/|$)',
  'src/main/app is the Electron glue; code elsewhere in src/main must not depend on it, so it keeps running without Electron (CLI, tests, trainer process).',
);
const ENGINE_MESSAGE =
  'TensorFlow.js, and src/main/engine which loads it, run only in trainer-family processes, never in main (a native libtensorflow or a runaway kernel must not take the app down). Put TF.js code in src/main/engine and ask for it from main through a worker (services/workers: followTrainer for a training run, askWorker or openRequestClient for a question); put code that main and the trainer share, without TF.js, in src/main/data.';
const ENGINE = forbid('^(?:\\.\\./)+engine(?:/|$)', ENGINE_MESSAGE);
const TFJS_IN_MAIN = forbid('^@tensorflow/', ENGINE_MESSAGE);
/** `import()` escapes no-restricted-imports, so the same rule for dynamic imports. */
const NO_DYNAMIC_ENGINE_IMPORT = {
  'no-restricted-syntax': [
    'error',
    {
      selector: 'ImportExpression[source.value=/^(@tensorflow\\/|(\\.\\.\\/)+engine(\\/|$))/]',
      message: ENGINE_MESSAGE,
    },
  ],
};

const PRELOAD_ONLY = forbid(
  '^(?!electron$|\\./|(?:\\.\\./)+shared(?:/|$))',
  "The preload may import only 'electron' and src/shared: a sandboxed preload cannot load anything else, and whatever it imports widens what the page can reach.",
);

/** @param {...{ regex: string, message: string }} patterns */
const restrictImports = (...patterns) => ({
  'no-restricted-imports': [
    'error',
    { patterns: patterns.map((p) => ({ ...p, caseSensitive: true })) },
  ],
});

const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];

/**
 * Scopes a shared config (one object or an array) to some files.
 * @param {string[]} files
 * @param {object | object[]} configs
 */
const only = (files, configs) => [configs].flat().map((config) => ({ ...config, files }));

export default defineConfig([
  globalIgnores([
    'out/',
    'dist/',
    'node_modules/',
    '.tsbuild/',
    'coverage/',
    'test-results/',
    'resources/templates/',
  ]),

  js.configs.recommended,
  ...only(TS_FILES, tseslint.configs.recommendedTypeChecked),
  {
    files: TS_FILES,
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },

  {
    // Tests read JSON (CLI output, fixtures) whose type is `any` by nature; expect() checks it.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // Plain JavaScript (scripts, bin, this file) runs in Node and is linted without types.
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: globals.node } },
  { files: ['**/*.cjs', 'bin/**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  {
    files: [
      'src/main/**',
      'src/preload/**',
      'tests/**',
      'benchmarks/**',
      'scripts/**',
      '*.config.{ts,mts}',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: globals.browser },
  },
  ...only(['src/renderer/**/*.{ts,tsx}'], reactHooks.configs.flat.recommended),

  // Import direction. A later block for the same files replaces the rule, so each block lists
  // everything its folder may not import.
  {
    files: ['src/shared/**'],
    rules: restrictImports(MAIN, RENDERER, PRELOAD, ELECTRON, REACT, TFJS, SQLITE, NODE),
  },
  {
    files: ['src/renderer/**'],
    rules: restrictImports(MAIN, PRELOAD, ELECTRON, TFJS, SQLITE, NODE),
  },
  {
    files: ['src/preload/**'],
    rules: restrictImports(PRELOAD_ONLY),
  },
  {
    files: ['src/main/**'],
    rules: restrictImports(RENDERER, PRELOAD, ELECTRON, MAIN_APP),
  },
  {
    files: ['src/main/app/**'],
    rules: {
      ...restrictImports(RENDERER, PRELOAD, ENGINE, TFJS_IN_MAIN),
      ...NO_DYNAMIC_ENGINE_IMPORT,
    },
  },
  {
    files: [
      'src/main/services/**',
      'src/main/server/**',
      'src/main/data/**',
      // A run's results drawn and written (figures, CSV): main draws them.
      'src/main/results/**',
      // Saved TF.js models read as networks: main reads them; a worker checks the weights.
      'src/main/model-import/**',
      // Labs read, handed in and graded: main does it; a worker recomputes the figures.
      'src/main/labs/**',
    ],
    rules: {
      ...restrictImports(RENDERER, PRELOAD, ELECTRON, MAIN_APP, ENGINE, TFJS_IN_MAIN),
      ...NO_DYNAMIC_ENGINE_IMPORT,
    },
  },
]);
