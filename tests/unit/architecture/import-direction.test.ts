import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The import-direction rules in eslint.config.mjs only protect the architecture while they
 * fire. These cases lint one-line snippets as if they sat in each folder, so a typo in a
 * pattern or a reordered config block fails here instead of silently allowing everything.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

interface Case {
  readonly file: string;
  readonly source: string;
  /** How the snippet imports `source`; a named import unless given. */
  readonly form?: 'import' | 'type' | 'reexport' | 'dynamic';
}

const forbidden: readonly Case[] = [
  // src/shared: pure TypeScript, imports no runtime
  { file: 'src/shared/graph/x.ts', source: '../../main/engine/backend' },
  { file: 'src/shared/x.ts', source: '../main/cli' },
  { file: 'src/shared/graph/x.ts', source: '../../renderer/src/App' },
  { file: 'src/shared/graph/x.ts', source: '../../preload/index' },
  { file: 'src/shared/graph/x.ts', source: 'electron' },
  { file: 'src/shared/graph/x.ts', source: 'react' },
  { file: 'src/shared/graph/x.ts', source: 'react-dom/client' },
  { file: 'src/shared/graph/x.ts', source: '@tensorflow/tfjs' },
  { file: 'src/shared/graph/x.ts', source: '@tensorflow/tfjs-node' },
  { file: 'src/shared/graph/x.ts', source: 'better-sqlite3' },
  { file: 'src/shared/graph/x.ts', source: 'node:fs' },
  { file: 'src/shared/graph/x.ts', source: 'fs' },
  { file: 'src/shared/graph/x.ts', source: 'fs/promises' },
  { file: 'src/shared/graph/x.ts', source: 'path' },
  { file: 'src/shared/graph/x.ts', source: 'child_process' },
  { file: 'src/shared/graph/x.ts', source: 'os' },
  { file: 'src/shared/graph/x.ts', source: '../../main/engine/backend', form: 'type' },
  { file: 'src/shared/graph/x.ts', source: 'electron', form: 'reexport' },
  // src/renderer: the sandboxed page
  { file: 'src/renderer/src/components/x.tsx', source: '../../../main/services/projects' },
  { file: 'src/renderer/src/x.ts', source: '../../preload/index' },
  { file: 'src/renderer/src/x.ts', source: 'electron' },
  { file: 'src/renderer/src/x.ts', source: '@tensorflow/tfjs' },
  { file: 'src/renderer/src/x.ts', source: 'better-sqlite3' },
  { file: 'src/renderer/src/x.ts', source: 'node:path' },
  { file: 'src/renderer/src/x.ts', source: 'child_process' },
  // src/main outside src/main/app: no Electron
  { file: 'src/main/engine/x.ts', source: 'electron' },
  { file: 'src/main/cli/commands/x.ts', source: 'electron/main' },
  { file: 'src/main/services/x.ts', source: '../app/window' },
  { file: 'src/main/engine/x.ts', source: '../../renderer/src/App' },
  // main's own folders: no TF.js and no engine; they ask a trainer-family process
  { file: 'src/main/services/handlers/x.ts', source: '../../engine/backends/select-backend' },
  { file: 'src/main/services/handlers/x.ts', source: '../../engine/tf', form: 'dynamic' },
  { file: 'src/main/services/x.ts', source: '@tensorflow/tfjs' },
  { file: 'src/main/services/x.ts', source: '@tensorflow/tfjs-node', form: 'dynamic' },
  { file: 'src/main/server/x.ts', source: '../engine/tf' },
  { file: 'src/main/app/x.ts', source: '../engine/trainer-process' },
  { file: 'src/main/app/x.ts', source: '@tensorflow/tfjs-core' },
  { file: 'src/main/data/import/x.ts', source: '../../engine/tf' },
  { file: 'src/main/data/x.ts', source: '@tensorflow/tfjs' },
  { file: 'src/main/data/x.ts', source: 'electron' },
  { file: 'src/main/results/x.ts', source: '../engine/inside/predict' },
  { file: 'src/main/results/x.ts', source: '@tensorflow/tfjs', form: 'dynamic' },
  // src/preload: 'electron' and src/shared only
  { file: 'src/preload/index.ts', source: 'node:fs' },
  { file: 'src/preload/index.ts', source: 'zod' },
  { file: 'src/preload/index.ts', source: '../main/app/window' },
  { file: 'src/preload/index.ts', source: '../renderer/src/App' },
];

const allowed: readonly Case[] = [
  { file: 'src/shared/graph/x.ts', source: 'zod' },
  { file: 'src/shared/graph/x.ts', source: '../catalog/registry' },
  { file: 'src/renderer/src/x.ts', source: 'react' },
  { file: 'src/renderer/src/x.ts', source: 'react-dom/client' },
  { file: 'src/renderer/src/x.ts', source: '../../shared/graph/parse' },
  { file: 'src/main/app/x.ts', source: 'electron' },
  { file: 'src/main/app/x.ts', source: 'node:path' },
  { file: 'src/main/app/x.ts', source: '../../shared/graph/parse' },
  { file: 'src/main/engine/x.ts', source: '@tensorflow/tfjs' },
  { file: 'src/main/services/x.ts', source: 'better-sqlite3' },
  { file: 'src/main/services/x.ts', source: '../data/load-dataset' },
  { file: 'src/main/services/x.ts', source: './workers/request-client' },
  { file: 'src/main/engine/training/x.ts', source: '../../data/target-plan' },
  { file: 'src/main/cli/commands/x.ts', source: '../../engine/tf', form: 'dynamic' },
  { file: 'src/main/cli/x.ts', source: 'node:fs/promises' },
  { file: 'src/preload/index.ts', source: 'electron' },
  { file: 'src/preload/index.ts', source: '../shared/graph/document' },
];

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: `${root}/eslint.config.mjs`,
    // Only the layering rule is under test. The snippets are not on disk, so the TypeScript
    // project service could not type them; no rule that runs here needs types.
    overrideConfig: {
      files: ['**/*.{ts,tsx}'],
      languageOptions: { parserOptions: { projectService: false } },
    },
    ruleFilter: ({ ruleId }) => RULES.has(ruleId),
  });
});

function snippet({ source, form = 'import' }: Case): string {
  if (form === 'type') return `import type { Thing } from '${source}';\nexport type { Thing };\n`;
  if (form === 'reexport') return `export * from '${source}';\n`;
  if (form === 'dynamic') return `export const thing = import('${source}');\n`;
  return `import { thing } from '${source}';\nexport { thing };\n`;
}

async function restrictedImports(c: Case): Promise<string[]> {
  const { file } = c;
  const code = snippet(c);
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  const messages = result?.messages ?? [];
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`Could not lint ${file}: ${fatal[0]!.message}`);
  return messages.filter((m) => m.ruleId !== null && RULES.has(m.ruleId)).map((m) => m.message);
}

describe('import direction (eslint.config.mjs)', () => {
  it.each(forbidden)('forbids $source in $file', async (c) => {
    expect(await restrictedImports(c)).toHaveLength(1);
  });

  it.each(allowed)('allows $source in $file', async (c) => {
    expect(await restrictedImports(c)).toEqual([]);
  });

  it('explains what to do instead', async () => {
    const [message] = await restrictedImports({ file: 'src/shared/x.ts', source: 'electron' });
    expect(message).toMatch(/Only src\/main\/app/);
    const [engine] = await restrictedImports({
      file: 'src/main/services/x.ts',
      source: '../engine/tf',
    });
    expect(engine).toMatch(/trainer-family processes.*src\/main\/engine.*askWorker/);
  });
});
