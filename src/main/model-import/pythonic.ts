/**
 * A saved model's config with every key in TF.js' own camelCase: model.json spells them as
 * Keras does (`kernel_initializer`, `class_name`), while the catalog reads and writes the
 * camelCase TF.js constructors take. Values are left alone.
 */
export function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [camelCase(key), camelKeys(inner)]),
  );
}

function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
