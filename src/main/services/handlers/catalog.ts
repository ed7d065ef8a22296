import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiOutput } from '../../../shared/api/contract';
import {
  inCourseOrder,
  RECOMMENDED_TEMPLATE,
  templateTopic,
} from '../../../shared/catalog/template-order';
import { parseGraphDocument } from '../../../shared/graph/parse';
import { analyzeGraph } from '../../../shared/inference/analyze';
import { ServiceError } from '../service-error';
import { askWorker } from '../workers/request-client';
import type { Handlers, ServiceContext } from './context';

type CatalogCalls = 'app.info' | 'templates.list' | 'backends.report';

/** Read-only calls: what the app ships and what this machine can do. */
export function catalogHandlers(context: ServiceContext): Pick<Handlers, CatalogCalls> {
  let templates: Promise<TemplateSummary[]> | undefined;
  return {
    'app.info': () => ({
      version: context.version,
      dataDir: context.store.dataDir,
      transport: context.transport,
      // Told once: the first window to ask shows them.
      notices: context.notices.splice(0),
    }),
    'templates.list': () => {
      // The templates ship with Neurite and do not change while it runs: read and check them
      // once, not on every New project (a classroom's twenty pages ask often). A failed read
      // is tried again on the next call.
      templates ??= readTemplateList(context.resourcesDir).catch((error: unknown) => {
        templates = undefined;
        throw error;
      });
      return templates;
    },
    // TF.js never loads in main: a short-lived trainer-family process tries the backends.
    'backends.report': () => askWorker(context.launchWorker, 'backends.report', { choice: 'auto' }),
  };
}

type TemplateSummary = ApiOutput<'templates.list'>[number];

/** Every template that parses, in gallery order (the recommended one, then the course's). */
async function readTemplateList(resourcesDir: string): Promise<TemplateSummary[]> {
  const folder = path.join(resourcesDir, 'templates');
  const files = (await readdir(folder)).filter((f) => f.endsWith('.json')).sort();
  const templates = await Promise.all(
    files.map(async (file): Promise<TemplateSummary | undefined> => {
      const parsed = parseGraphDocument(await readFile(path.join(folder, file), 'utf8'));
      if (!parsed.ok) return undefined;
      const { document } = parsed;
      const id = file.replace(/\.json$/, '');
      const kinds = new Map(document.nodes.map((node) => [node.id, node.kind]));
      return {
        id,
        name: document.metadata.name,
        description: document.metadata.description,
        topic: templateTopic(id),
        recommended: id === RECOMMENDED_TEMPLATE,
        layers: analyzeGraph(document).order.map((nodeId) => kinds.get(nodeId) ?? ''),
      };
    }),
  );
  return inCourseOrder(templates.filter((t) => t !== undefined));
}

/** A template's graph document, or a not-found error naming it. */
export async function readTemplate(
  context: ServiceContext,
  id: string,
): Promise<Record<string, unknown>> {
  try {
    const text = await readFile(path.join(context.resourcesDir, 'templates', `${id}.json`), 'utf8');
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ServiceError('not-found', `There is no template called "${id}".`);
  }
}
