/**
 * Seeds for every random initializer and noise layer, derived from the run's seed and the
 * layer's name. Deriving from the name (not the position) keeps a layer's starting weights
 * the same when the student adds or removes other layers.
 */
export function derivedSeed(runSeed: number, layerName: string, argument: string): number {
  // FNV-1a over "seed:layer:argument"; small, fast and stable across platforms.
  let hash = 0x811c9dc5;
  const text = `${runSeed}:${layerName}:${argument}`;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const SEEDED_INITIALIZERS = new Set([
  'GlorotUniform',
  'GlorotNormal',
  'HeUniform',
  'HeNormal',
  'RandomUniform',
  'RandomNormal',
  'Orthogonal',
]);

interface ConfigDict {
  className: string;
  config: Record<string, unknown>;
}

function isConfigDict(value: unknown): value is ConfigDict {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ConfigDict).className === 'string' &&
    typeof (value as ConfigDict).config === 'object'
  );
}

/** Returns a copy of a layer's config with a seed in every random part. */
export function seedLayerConfig(
  className: string,
  config: Readonly<Record<string, unknown>>,
  layerName: string,
  runSeed: number | undefined,
): Record<string, unknown> {
  if (runSeed === undefined) return { ...config };
  const seeded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    seeded[key] =
      isConfigDict(value) && SEEDED_INITIALIZERS.has(value.className)
        ? {
            className: value.className,
            config: { ...value.config, seed: derivedSeed(runSeed, layerName, key) },
          }
        : value;
  }
  // Dropout and GaussianNoise stay unseeded on purpose: TF.js restarts a seeded generator on
  // every call, so a seeded Dropout would drop the same units at every step (a fixed pruning,
  // not dropout), and GaussianNoise takes no seed at all. Reproducible noise needs a
  // step-counting generator in the training loop.
  void className;
  return seeded;
}
