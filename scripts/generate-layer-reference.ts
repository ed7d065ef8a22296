/**
 * Writes docs/layer-reference.md, and the weights table of docs/file-format.md, from the layer
 * catalog: `npm run docs:layers`. tests/unit/docs/ fails when a committed file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { renderLayerReference } from './layer-reference';
import { withWeightsTable } from './weights-table';

async function main(): Promise<void> {
  const target = path.resolve(__dirname, '..', 'docs', 'layer-reference.md');
  const text = renderLayerReference();
  // The test compares the file with renderLayerReference() itself, so the text must already be
  // in Prettier's form; reformatting it here would only hide a difference until the test runs.
  const options = (await resolveConfig(target)) ?? {};
  const formatted = await format(text, { ...options, filepath: target });
  if (formatted !== text) {
    throw new Error(
      'renderLayerReference() produced Markdown that Prettier would reformat, so `prettier --check` would fail. Fix the generator (scripts/layer-reference.ts) so its output is already formatted.',
    );
  }
  writeFileSync(target, text);
  console.log(`Wrote ${path.relative(process.cwd(), target)}`);

  const fileFormat = path.resolve(__dirname, '..', 'docs', 'file-format.md');
  writeFileSync(fileFormat, withWeightsTable(readFileSync(fileFormat, 'utf8')));
  console.log(`Wrote the weights table of ${path.relative(process.cwd(), fileFormat)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
