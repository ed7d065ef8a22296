import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LAYER_KINDS } from '../../../src/shared/catalog/registry';

/**
 * The editor shows a title for every option a student picks from (an activation, a padding, an
 * initializer), never the raw value stored in the file. This keeps a new option from being
 * added to the catalog without words for it.
 */

interface JsonSchema {
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
}

/** Every value a parameter offers as a named option: enum values and initializer names. */
function optionsOf(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  const found: string[] = [];
  const walk = (node: JsonSchema): void => {
    if (node.enum) found.push(...node.enum.map(String));
    const tag = node.properties?.['type']?.const;
    if (typeof tag === 'string') found.push(tag);
    for (const child of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) walk(child);
  };
  walk(json);
  return found;
}

function metaRecord(schema: z.ZodType, key: string): Record<string, unknown> {
  const value = schema.meta()?.[key];
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

describe('option titles in the layer catalog', () => {
  const params = LAYER_KINDS.flatMap((kind) =>
    Object.entries(
      (kind.paramsSchema as unknown as { shape: Record<string, z.ZodType> }).shape,
    ).map(([key, schema]) => ({ name: `${kind.kind}.${key}`, schema, options: optionsOf(schema) })),
  );

  it('finds the choices the catalog offers', () => {
    const withOptions = params.filter((p) => p.options.length > 0).map((p) => p.name);
    // A few fields every student meets; if these were missed the check below would prove nothing.
    expect(withOptions).toEqual(
      expect.arrayContaining([
        'Dense.activation',
        'Dense.kernelInitializer',
        'Conv2D.padding',
        'LSTM.recurrentInitializer',
        'Output.loss',
        'Input.form',
      ]),
    );
  });

  it('gives every option of every kind a title', () => {
    for (const { name, schema, options } of params) {
      const titles = metaRecord(schema, 'optionTitles');
      for (const option of options) {
        expect(titles[option], `${name}: "${option}" has no title`).toMatch(/\S/);
        expect(titles[option], `${name}: "${option}"`).not.toBe(option);
      }
    }
  });
});
