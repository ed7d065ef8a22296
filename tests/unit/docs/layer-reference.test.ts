import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderLayerReference } from '../../../scripts/layer-reference';
import { LAYER_KINDS } from '../../../src/shared/catalog/registry';

const file = fileURLToPath(new URL('../../../docs/layer-reference.md', import.meta.url));

describe('docs/layer-reference.md', () => {
  const committed = readFileSync(file, 'utf8');

  it('is up to date with the layer catalog', () => {
    // Compared as a whole, not with toEqual, so the failure says what to do instead of
    // printing two pages of Markdown.
    const fresh = renderLayerReference();
    expect(
      committed === fresh,
      'docs/layer-reference.md is out of date with the layer catalog. Run `npm run docs:layers` and commit the result.',
    ).toBe(true);
  });

  it('documents every layer kind under its name as written in files', () => {
    const missing = LAYER_KINDS.filter(
      (kind) => !committed.includes(`- **Kind in files:** \`"${kind.kind}"\``),
    ).map((kind) => kind.kind);
    expect(missing, 'layer kinds missing from docs/layer-reference.md').toEqual([]);
  });
});
