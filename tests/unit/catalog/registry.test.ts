import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { findKind, kindNames, LAYER_KINDS } from '../../../src/shared/catalog/registry';
import type { LayerKind } from '../../../src/shared/catalog/types';
import { LAYER_GROUPS } from '../../../src/shared/catalog/types';

const kindsFolder = fileURLToPath(new URL('../../../src/shared/catalog/kinds/', import.meta.url));
const testsFolder = fileURLToPath(new URL('./', import.meta.url));

/** The layer kinds each file under src/shared/catalog/kinds/ exports, by file name. */
async function kindsByFile(): Promise<Map<string, LayerKind[]>> {
  const files = readdirSync(kindsFolder).filter((f) => f.endsWith('.ts'));
  const entries = await Promise.all(
    files.map(async (file) => {
      const module = (await import(`${kindsFolder}${file}`)) as Record<string, unknown>;
      const kinds = Object.values(module).filter(
        (value): value is LayerKind =>
          typeof value === 'object' && value !== null && 'kind' in value && 'infer' in value,
      );
      return [file.replace(/\.ts$/, ''), kinds] as const;
    }),
  );
  return new Map(entries);
}

function fieldsOf(schema: unknown): Record<string, z.ZodType> {
  return (schema as z.ZodObject).shape;
}

describe('adding a layer kind', () => {
  let files: Map<string, LayerKind[]>;
  beforeAll(async () => {
    files = await kindsByFile();
  });

  it('registers every kind file', () => {
    const registered = new Set(LAYER_KINDS);
    const unregistered = [...files]
      .filter(([, kinds]) => kinds.some((kind) => !registered.has(kind)))
      .map(([file]) => `src/shared/catalog/kinds/${file}.ts`);
    expect(unregistered, 'add these to LAYER_KINDS in src/shared/catalog/registry.ts').toEqual([]);
  });

  it('has one file per registered kind, each with its table test', () => {
    const inFiles = new Set([...files.values()].flat());
    expect(LAYER_KINDS.filter((kind) => !inFiles.has(kind)).map((k) => k.kind)).toEqual([]);
    const untested = [...files.keys()]
      .filter((file) => !existsSync(`${testsFolder}${file}.test.ts`))
      .map((file) => `tests/unit/catalog/${file}.test.ts`);
    expect(untested, 'write the table test of each kind').toEqual([]);
  });
});

describe('layer catalog', () => {
  it('has unique kind names that findKind returns', () => {
    expect(new Set(kindNames()).size).toBe(LAYER_KINDS.length);
    for (const kind of LAYER_KINDS) expect(findKind(kind.kind)).toBe(kind);
    expect(findKind('Nope')).toBeUndefined();
  });

  it('puts every kind in a palette group', () => {
    const groups = new Set<string>(LAYER_GROUPS.map((g) => g.id));
    for (const kind of LAYER_KINDS) expect(groups, kind.kind).toContain(kind.group);
  });

  describe.each(LAYER_KINDS.map((kind) => [kind.kind, kind] as const))('%s', (_name, kind) => {
    it('has a title and a one-sentence summary', () => {
      expect(kind.title.length).toBeGreaterThan(0);
      expect(kind.summary.length).toBeGreaterThan(10);
      expect(kind.summary.endsWith('.')).toBe(true);
    });

    it('parses {} with every default, and describes the defaults', () => {
      const parsed = kind.paramsSchema.safeParse({});
      expect(parsed.success).toBe(true);
      expect(kind.describe(parsed.data!).length).toBeGreaterThan(0);
    });

    it('refuses unknown parameters', () => {
      expect(kind.paramsSchema.safeParse({ notAParameter: 1 }).success).toBe(false);
    });

    it('gives every parameter a title and description', () => {
      for (const [field, schema] of Object.entries(fieldsOf(kind.paramsSchema))) {
        const meta = schema.meta();
        expect(meta?.title, `${kind.kind}.${field} title`).toMatch(/\S/);
        expect(meta?.description, `${kind.kind}.${field} description`).toMatch(/\S/);
      }
    });

    it('has uniquely named ports', () => {
      const params = kind.paramsSchema.parse({});
      const ids = [...kind.inputPorts(params), ...kind.outputPorts].map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });
});
