import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { findKind, kindNames, LAYER_KINDS } from '../../../src/shared/catalog/registry';
import { LAYER_GROUPS } from '../../../src/shared/catalog/types';

function fieldsOf(schema: unknown): Record<string, z.ZodType> {
  return (schema as z.ZodObject).shape;
}

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
