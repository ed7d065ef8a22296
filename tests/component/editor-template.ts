import { TEMPLATES } from '../../src/renderer/src/templates';
import type { GraphDocument } from '../../src/shared/graph/document';

/** A built-in template, as the editor opens it. */
export function editorTemplate(id: string): GraphDocument {
  const entry = TEMPLATES.find((t) => t.id === id);
  if (!entry?.ok) throw new Error(`No readable template "${id}".`);
  return entry.document;
}
