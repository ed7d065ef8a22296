import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createApiService } from '../../../src/main/services/api-service';
import type { Project, ProjectSummary } from '../../../src/shared/api/records';
import type { LabStatus, LabSummary } from '../../../src/shared/labs/lab-api';
import { parseLab } from '../../../src/shared/labs/parse-lab';
import {
  apiServices,
  callService,
  refusalOf,
  waitForTrainingEvent,
} from '../../fixtures/api-service';

/*
 * A lab through the API as the app uses it: started as a project, goals checked from the real
 * network, a real run and typed answers, locked settings kept, progress kept across restarts.
 */

const openService = apiServices();
const root = fileURLToPath(new URL('../../..', import.meta.url));
const perceptronFile = path.join(root, 'resources', 'labs', '02-perceptron.neurite-lab.yaml');

const goal = (status: LabStatus, id: string) => {
  const found = status.goals.find((g) => g.id === id);
  if (!found) throw new Error(`no goal ${id}`);
  return found;
};

async function startPerceptron(service: ReturnType<typeof openService>['service']) {
  return callService<Project>(service, 'labs.start', {
    lab: { builtin: 'perceptron' },
    name: 'My perceptron',
  });
}

function trainingStartOf(project: Project, change: Record<string, unknown> = {}) {
  const settings = project.settings as { data: unknown; training: Record<string, unknown> };
  return {
    projectId: project.id,
    data: settings.data,
    config: { ...settings.training, ...change },
    backend: 'auto',
  };
}

describe('labs through the API', () => {
  it('lists the built-in labs and starts one as a project with its network, data and settings', async () => {
    const { service } = openService();
    const labs = await callService<LabSummary[]>(service, 'labs.list', {});
    expect(labs.find((lab) => lab.id === 'perceptron')).toMatchObject({
      title: 'The perceptron',
      data: 'and',
    });
    const project = await startPerceptron(service);
    expect(project.lab).toEqual({ id: 'perceptron', title: 'The perceptron' });
    expect(project.settings).toMatchObject({
      data: { source: 'builtin', name: 'and' },
      training: { epochs: 30, batchSize: 1, optimizer: { type: 'sgd', learningRate: 0.1 } },
      template: 'perceptron',
    });
    const nodes = (project.graph as { nodes: { kind: string }[] }).nodes.map((n) => n.kind);
    expect(nodes).toEqual(['Input', 'Dense', 'Output']);
    const listed = await callService<ProjectSummary[]>(service, 'projects.list', {});
    expect(listed.find((p) => p.id === project.id)?.lab?.id).toBe('perceptron');
  });

  it('ticks goals from a real run, the network as it is now, and typed answers', async () => {
    const { service, events } = openService();
    const project = await startPerceptron(service);
    let status = await callService<LabStatus>(service, 'labs.status', { projectId: project.id });
    expect(goal(status, 'and-learned')).toMatchObject({
      met: false,
      detail: 'No run on the AND gate has finished yet: train the network to check this goal.',
    });
    expect(goal(status, 'one-step-unit').met).toBe(true);

    const refused = await refusalOf(
      service,
      'training.start',
      trainingStartOf(project, { batchSize: 4 }),
    );
    expect(refused.code).toBe('invalid-input');
    expect(refused.message).toMatch(
      /^The lab "The perceptron" keeps the batch size as it set it\./,
    );

    await callService(service, 'training.start', trainingStartOf(project));
    await waitForTrainingEvent(events, 'finished');
    status = await callService<LabStatus>(service, 'labs.status', { projectId: project.id });
    expect(goal(status, 'and-learned')).toMatchObject({ met: true, runId: expect.any(String) });
    expect(goal(status, 'and-learned').detail).toMatch(/^Training accuracy 100 % in the run of /);
    expect(goal(status, 'or-learned').met).toBe(false);

    // The network changes: a goal about it follows the canvas, not the run.
    const graph = project.graph as { nodes: { id: string; params: Record<string, unknown> }[] };
    const sigmoid = {
      ...graph,
      nodes: graph.nodes.map((n) =>
        n.id === 'perceptron' ? { ...n, params: { ...n.params, activation: 'sigmoid' } } : n,
      ),
    };
    await callService(service, 'graph.save', { projectId: project.id, graph: sigmoid });
    status = await callService<LabStatus>(service, 'labs.status', { projectId: project.id });
    expect(goal(status, 'one-step-unit').met).toBe(false);

    status = await callService<LabStatus>(service, 'labs.answer', {
      projectId: project.id,
      goalId: 'why-xor',
      answer: 0,
    });
    expect(goal(status, 'why-xor')).toMatchObject({ met: false });
    status = await callService<LabStatus>(service, 'labs.answer', {
      projectId: project.id,
      goalId: 'why-xor',
      answer: 1,
    });
    expect(goal(status, 'why-xor').met).toBe(true);
  });

  it('refuses answers that are not answers, with a sentence', async () => {
    const { service } = openService();
    const project = await startPerceptron(service);
    expect(
      await refusalOf(service, 'labs.answer', {
        projectId: project.id,
        goalId: 'and-learned',
        answer: 1,
      }),
    ).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/checks this goal by itself/),
    });
    expect(
      await refusalOf(service, 'labs.answer', {
        projectId: project.id,
        goalId: 'why-xor',
        answer: 3,
      }),
    ).toMatchObject({ message: 'Pick one of the 3 choices (counted from 0).' });
    expect(
      await refusalOf(service, 'labs.answer', { projectId: project.id, goalId: 'nope', answer: 1 }),
    ).toMatchObject({ code: 'not-found', message: 'This lab has no goal called "nope".' });
    const plain = await callService<Project>(service, 'projects.create', { name: 'Plain' });
    expect(await refusalOf(service, 'labs.status', { projectId: plain.id })).toEqual({
      code: 'not-found',
      message: 'This project does not follow a lab.',
    });
  });

  it('keeps the step, the hints opened and the answers when Neurite restarts', async () => {
    const { service, dataDir } = openService();
    const project = await startPerceptron(service);
    await callService(service, 'labs.progress', {
      projectId: project.id,
      step: 2,
      hintShown: true,
    });
    await callService(service, 'labs.progress', {
      projectId: project.id,
      step: 2,
      hintShown: true,
    });
    await callService(service, 'labs.answer', {
      projectId: project.id,
      goalId: 'why-xor',
      answer: 1,
    });
    await service.close();

    const again = createApiService({ dataDir, transport: 'websocket' });
    try {
      const status = await callService<LabStatus>(again, 'labs.status', { projectId: project.id });
      // Step 3 has one hint: a second ask opens no more than there are.
      expect(status.progress).toEqual({
        step: 2,
        answers: { 'why-xor': 1 },
        hintsShown: { '2': 1 },
      });
      expect(goal(status, 'why-xor').met).toBe(true);
    } finally {
      await again.close();
    }
  });

  it('reads a lab file, naming the line and field of each problem', async () => {
    const { service } = openService();
    const text = readFileSync(perceptronFile, 'utf8');
    const read = await callService<{ summary: LabSummary }>(service, 'labs.read', {
      fileName: 'perceptron.neurite-lab.yaml',
      text,
    });
    const lab = parseLab(text);
    if (!lab.ok) throw new Error('the built-in perceptron lab does not open');
    expect(read.summary).toMatchObject({
      id: 'perceptron',
      steps: lab.lab.steps.length,
      goals: lab.lab.steps.flatMap((step) => step.goals).length,
    });

    // The first choice goal, wherever the lab puts it: its line in the file and its field.
    const line = text.split('\n').findIndex((l) => l.includes('kind: choice')) + 1;
    const stepIndex = lab.lab.steps.findIndex((step) =>
      step.goals.some((g) => g.kind === 'choice'),
    );
    const goalIndex = lab.lab.steps[stepIndex]!.goals.findIndex((g) => g.kind === 'choice');
    const field = `step ${stepIndex + 1}, goal ${goalIndex + 1}, kind`;
    const broken = text.replace('kind: choice', 'kind: quiz');
    const refusal = (await refusalOf(service, 'labs.read', {
      fileName: 'week3.neurite-lab.yaml',
      text: broken,
    })) as { code: string; message: string; issues: { path: string; message: string }[] };
    expect(refusal.code).toBe('invalid-input');
    expect(refusal.message.split('\n').slice(0, 2)).toEqual([
      'The lab file "week3.neurite-lab.yaml" cannot be used:',
      expect.stringMatching(
        new RegExp(
          `^- line ${line}, ${field.replace(/[[\].]/g, '\\$&')}: "quiz" is not a goal kind`,
        ),
      ),
    ]);
    expect(refusal.issues).toEqual([
      { path: `line ${line}, ${field}`, message: expect.stringMatching(/^"quiz" is not/) },
    ]);

    // A lab file that opens starts a project that keeps the file's text.
    const project = await callService<Project>(service, 'labs.start', {
      lab: {
        fileName: 'mine.neurite-lab.yaml',
        text: text.replace('title: The perceptron', 'title: Our perceptron'),
      },
      name: 'From a file',
    });
    expect(project.lab).toEqual({ id: 'perceptron', title: 'Our perceptron' });
  });

  it('hands a built-in lab out as its file, and names a lab that does not exist', async () => {
    const { service } = openService();
    const file = await callService<{ fileName: string; base64: string }>(service, 'labs.handOut', {
      lab: { builtin: 'perceptron' },
    });
    expect(file.fileName).toBe('perceptron.neurite-lab.yaml');
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toBe(
      readFileSync(perceptronFile, 'utf8'),
    );
    expect(
      await refusalOf(service, 'labs.start', { lab: { builtin: 'nope' }, name: 'x' }),
    ).toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(
        /^There is no built-in lab called "nope"\. The built-in labs are: .*perceptron/,
      ),
    });
  });
});
