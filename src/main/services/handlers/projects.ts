import {
  DEFAULT_TRAINING_CONFIG,
  storedProjectSettings,
} from '../../../shared/api/project-settings';
import { GRAPH_FORMAT, GRAPH_FORMAT_VERSION } from '../../../shared/graph/document';
import { templateDefaults } from '../../../shared/training/template-defaults';
import { readTemplate } from './catalog';
import type { Handlers, ServiceContext } from './context';

type ProjectCalls =
  | 'projects.list'
  | 'projects.create'
  | 'projects.open'
  | 'projects.rename'
  | 'projects.duplicate'
  | 'projects.trash'
  | 'projects.restore'
  | 'projects.emptyTrash'
  | 'graph.save'
  | 'graph.revisions'
  | 'graph.restore'
  | 'projects.setThumbnail'
  | 'settings.save'
  | 'runs.list'
  | 'runs.get'
  | 'runs.delete'
  | 'projectFiles.export'
  | 'projectFiles.import';

/** An empty network: what "New project" without a template starts from. */
function emptyGraph(name: string): Record<string, unknown> {
  return {
    format: GRAPH_FORMAT,
    version: GRAPH_FORMAT_VERSION,
    metadata: { name, description: '' },
    nodes: [],
    edges: [],
  };
}

/** Projects, their revisions and settings, runs and project files: the store, with events. */
export function projectHandlers(context: ServiceContext): Pick<Handlers, ProjectCalls> {
  const { store } = context;
  const changed = (projectId: string): void => context.emit('project.changed', { projectId });
  return {
    'projects.list': ({ trashed }) => store.listProjects({ trashed }),
    'projects.create': async ({ name, template }) => {
      const graph = template ? await readTemplate(context, template) : emptyGraph(name);
      const metadata = (graph['metadata'] as Record<string, unknown> | undefined) ?? {};
      const project = store.createProject({
        name,
        graph: { ...graph, metadata: { ...metadata, name } },
        ...(typeof metadata['description'] === 'string'
          ? { description: metadata['description'] }
          : {}),
      });
      // A template's project starts with a data set and training settings that fit it.
      if (!template) {
        changed(project.id);
        return project;
      }
      const defaults = templateDefaults(template);
      const settings = storedProjectSettings({
        template,
        data: defaults?.data,
        training: defaults?.training ?? DEFAULT_TRAINING_CONFIG,
        backend: 'auto',
      });
      store.saveSettings(project.id, settings);
      changed(project.id);
      return { ...project, settings };
    },
    'projects.open': ({ projectId }) => store.openProject(projectId),
    'projects.rename': ({ projectId, name }) => {
      const project = store.renameProject(projectId, name);
      changed(projectId);
      return project;
    },
    'projects.duplicate': ({ projectId }) => {
      const copy = store.duplicateProject(projectId);
      changed(copy.id);
      return copy;
    },
    'projects.trash': ({ projectId }) => {
      store.trashProject(projectId);
      changed(projectId);
      return { ok: true as const };
    },
    'projects.restore': ({ projectId }) => {
      store.restoreProject(projectId);
      changed(projectId);
      return { ok: true as const };
    },
    'projects.emptyTrash': () => ({ deleted: store.emptyTrash() }),
    'graph.save': ({ projectId, graph, thumbnail }) => {
      const saved = store.saveGraph(projectId, graph, thumbnail);
      changed(projectId);
      return saved;
    },
    'graph.revisions': ({ projectId }) => store.listRevisions(projectId),
    'graph.restore': ({ projectId, revisionId }) => {
      const project = store.restoreRevision(projectId, revisionId);
      changed(projectId);
      return project;
    },
    'projects.setThumbnail': ({ projectId, thumbnail }) => {
      store.setThumbnail(projectId, thumbnail);
      changed(projectId);
      return { ok: true as const };
    },
    'settings.save': ({ projectId, settings }) => {
      store.saveSettings(projectId, settings);
      return { ok: true as const };
    },
    'runs.list': ({ projectId }) => store.listRuns(projectId),
    'runs.get': ({ runId }) => store.getRun(runId),
    'runs.delete': ({ runId }) => {
      const run = store.getRun(runId);
      store.deleteRun(runId);
      changed(run.projectId);
      return { ok: true as const };
    },
    'projectFiles.export': ({ projectId, includeRuns }) => {
      const file = store.exportProject(projectId, includeRuns);
      return { fileName: file.fileName, base64: Buffer.from(file.bytes).toString('base64') };
    },
    'projectFiles.import': ({ fileName, base64 }) => {
      const project = store.importProject(fileName, new Uint8Array(Buffer.from(base64, 'base64')));
      changed(project.id);
      return project;
    },
  };
}
