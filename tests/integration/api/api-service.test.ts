import type { ApiOutput } from '../../../src/shared/api/contract';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project, ProjectSummary, Run } from '../../../src/shared/api/records';
import { apiServices, callService, waitForTrainingEvent } from '../../fixtures/api-service';
import { xorTrainingStart } from '../../fixtures/training';

const open = apiServices();
const call = callService;

describe('the API service', () => {
  it('refuses unknown calls and invalid input with a typed error, and never throws', async () => {
    const { service } = open();
    expect(await service.handle('projects.explode', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    const bad = await service.handle('projects.create', { name: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!bad.ok && bad.error.issues?.[0]?.path).toBe('name');
    expect(await service.handle('projects.open', { projectId: 'not-a-uuid' })).toMatchObject({
      ok: false,
    });
    const missing = await service.handle('projects.open', {
      projectId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(
      await service.handle('projects.create', { name: 'x', template: 'no-such-template' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('creates a project from a template, saves revisions and lists it', async () => {
    const { service, events } = open();
    const templates = await call<ApiOutput<'templates.list'>>(service, 'templates.list', {});
    expect(templates.map((t) => t.id)).toContain('lenet-5');
    // The gallery's order: the recommended start, then the course from the perceptron on.
    expect(templates.slice(0, 2)).toMatchObject([
      {
        id: 'xor-mlp',
        recommended: true,
        topic: 'Single units and small networks',
        layers: ['Input', 'Dense', 'Dense', 'Output'],
      },
      { id: 'perceptron', recommended: false },
    ]);
    expect(templates.at(-1)?.topic).toBe('Autoencoders');
    const project = await call<Project>(service, 'projects.create', {
      name: 'My LeNet',
      template: 'lenet-5',
    });
    expect((project.graph as { metadata: { name: string } }).metadata.name).toBe('My LeNet');
    const graph = project.graph as { nodes: { params: Record<string, unknown> }[] };
    graph.nodes[1]!.params['filters'] = 8;
    const saved = await call<{ revisionId: number }>(service, 'graph.save', {
      projectId: project.id,
      graph,
    });
    expect(saved.revisionId).not.toBe(project.revisionId);
    const list = await call<ProjectSummary[]>(service, 'projects.list', {});
    expect(list.map((p) => p.name)).toEqual(['My LeNet']);
    expect(events.filter((e) => e.name === 'project.changed').length).toBeGreaterThanOrEqual(2);
    const badGraph = await service.handle('graph.save', {
      projectId: project.id,
      graph: { format: 'nope' },
    });
    expect(badGraph.ok).toBe(false);
  });

  it('trains the latest revision in a trainer process, streams its events and keeps the run', async () => {
    const { service, events } = open();
    const project = await call<Project>(service, 'projects.create', {
      name: 'XOR',
      template: 'xor-mlp',
    });
    const { runId } = await call<{ runId: string }>(
      service,
      'training.start',
      xorTrainingStart(project.id, 200),
    );
    await waitForTrainingEvent(events, 'finished');
    const run = await call<Run>(service, 'runs.get', { runId });
    expect(run.status).toBe('finished');
    expect(run.epochs).toHaveLength(200);
    expect(run.finalMetrics?.['accuracy']).toBe(1);
    expect(run.hasWeights).toBe(true);
    const runs = await call<unknown[]>(service, 'runs.list', { projectId: project.id });
    expect(runs).toHaveLength(1);
  });

  it('refuses to train a network with errors, re-checking it in main', async () => {
    const { service } = open();
    const project = await call<Project>(service, 'projects.create', { name: 'Empty' });
    const refused = await service.handle('training.start', {
      projectId: project.id,
      data: { source: 'builtin', name: 'xor' },
      config: {},
      backend: 'auto',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!refused.ok && refused.error.message).toContain('The network is empty');
  });

  it('answers host.saveFile with unsupported outside the desktop app, so the page downloads', async () => {
    const { service } = open();
    const result = await service.handle('host.saveFile', {
      fileName: 'a.neurite.json',
      base64: 'e30=',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('exports a project file and imports it back as a new project', async () => {
    const { service } = open();
    const project = await call<Project>(service, 'projects.create', {
      name: 'Shared',
      template: 'xor-mlp',
    });
    const file = await call<{ fileName: string; base64: string }>(service, 'projectFiles.export', {
      projectId: project.id,
    });
    expect(file.fileName).toMatch(/\.neurite\.json$/);
    const imported = await call<Project>(service, 'projectFiles.import', file);
    expect(imported.id).not.toBe(project.id);
    expect(imported.graph).toEqual(project.graph);
  });
});

describe('a damaged database', () => {
  it('is set aside, and the first app.info tells the user where it went', async () => {
    const { service, dataDir: dir } = open((dataDir) =>
      writeFileSync(path.join(dataDir, 'neurite.db'), 'this is not a database '.repeat(400)),
    );
    const first = await call<{ notices: string[] }>(service, 'app.info', {});
    expect(first.notices).toHaveLength(1);
    expect(first.notices[0]).toMatch(/neurite\.db\.corrupt-/);
    expect(readdirSync(dir).some((f) => f.startsWith('neurite.db.corrupt-'))).toBe(true);
    expect((await call<{ notices: string[] }>(service, 'app.info', {})).notices).toEqual([]);
    expect(await call<unknown[]>(service, 'projects.list', {})).toEqual([]);
  });
});
