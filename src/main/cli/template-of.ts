import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { templateDefaults } from '../../shared/training/template-defaults';
import type { TemplateDefaults } from '../../shared/training/template-defaults';

export interface TemplateMatch {
  readonly id: string;
  readonly name: string;
  readonly defaults: TemplateDefaults;
}

function nameOf(graph: unknown): string | undefined {
  const name = (graph as { metadata?: { name?: unknown } } | null)?.metadata?.name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * The template a network file was made from, so the command line trains it with the same data
 * set and settings as the app: a file named after a template (xor-mlp.json, the templates
 * themselves), or one whose network carries a template's name. Undefined for anything else.
 */
export async function templateOf(
  file: string,
  graph: unknown,
  resourcesDir: string,
): Promise<TemplateMatch | undefined> {
  const folder = path.join(resourcesDir, 'templates');
  const files = await readdir(folder).catch(() => [] as string[]);
  const byId = path.basename(file).replace(/(\.neurite)?\.json$/i, '');
  const name = nameOf(graph);
  for (const entry of files.filter((f) => f.endsWith('.json')).sort()) {
    const id = entry.replace(/\.json$/, '');
    const defaults = templateDefaults(id);
    if (!defaults) continue;
    const templateGraph: unknown = JSON.parse(await readFile(path.join(folder, entry), 'utf8'));
    const templateName = nameOf(templateGraph) ?? id;
    if (id === byId || (name !== undefined && name === templateName)) {
      return { id, name: templateName, defaults };
    }
  }
  return undefined;
}
