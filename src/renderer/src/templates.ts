import { inCourseOrder } from '../../shared/catalog/template-order';
import type { GraphDocument } from '../../shared/graph/document';
import { parseGraphDocument } from '../../shared/graph/parse';
import type { DocumentProblem } from '../../shared/graph/problems';
import type { NetworkInspection } from './inspection';
import { inspectNetwork } from './inspection';

/** One built-in template, either readable (with its analysis) or with what is wrong with it. */
export type TemplateEntry =
  | {
      readonly id: string;
      readonly ok: true;
      readonly name: string;
      readonly description: string;
      readonly document: GraphDocument;
      readonly inspection: NetworkInspection;
    }
  | {
      readonly id: string;
      readonly ok: false;
      readonly name: string;
      readonly description: string;
      readonly problems: readonly DocumentProblem[];
    };

// Bundled at build time, so the inspector works without main, a file system or a network.
const files = import.meta.glob<unknown>('../../../resources/templates/*.json', {
  eager: true,
  import: 'default',
});

/** Every built-in template, in the gallery's order (the recommended one, then the course's). */
export const TEMPLATES: readonly TemplateEntry[] = inCourseOrder(
  Object.entries(files).map(([path, json]) => readTemplate(templateId(path), json)),
);

/** "…/templates/xor-mlp.json" → "xor-mlp" */
function templateId(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.json$/, '');
}

function readTemplate(id: string, json: unknown): TemplateEntry {
  const parsed = parseGraphDocument(json);
  if (!parsed.ok) {
    return {
      id,
      ok: false,
      name: `${id}.json`,
      description: 'This template could not be read.',
      problems: parsed.problems,
    };
  }
  const { document } = parsed;
  return {
    id,
    ok: true,
    name: document.metadata.name,
    description: document.metadata.description,
    document,
    inspection: inspectNetwork(document),
  };
}
