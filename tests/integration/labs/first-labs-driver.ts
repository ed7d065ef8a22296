import { expect } from 'vitest';
import { readProjectSettings } from '../../../src/shared/api/project-settings';
import type { Project, Run } from '../../../src/shared/api/records';
import type { DatasetSpecInput } from '../../../src/shared/data/dataset-spec';
import type { LabStatus } from '../../../src/shared/labs/lab-api';
import type { TrainingConfig, TrainingConfigInput } from '../../../src/shared/training/config';
import { trainingConfigSchema } from '../../../src/shared/training/config';
import type { LayerWeights } from '../../../src/shared/inside/inside-schemas';
import type { TestService } from '../../fixtures/api-service';
import { callService } from '../../fixtures/api-service';

/** A graph node as a test edits it (the network document's own shape). */
export interface GraphNode {
  id: string;
  kind: string;
  label?: string;
  position: { x: number; y: number };
  params: Record<string, unknown>;
}
export interface Graph {
  nodes: GraphNode[];
  edges: {
    id: string;
    source: { node: string; port: string };
    target: { node: string; port: string };
  }[];
  [key: string]: unknown;
}

/**
 * A student doing one of Neurite's built-in labs through the API, as the lab panel and the
 * Training tab do it: start the lab, save the network, train with the Training tab's settings
 * changed as a step asks, type answers, and read which goals are met.
 */
export class LabStudent {
  /** The event that ended the latest run (its type, and for a failure the message). */
  lastEnd: { type: string } | undefined;

  private constructor(
    private readonly test: TestService,
    readonly project: Project,
  ) {}

  static async start(test: TestService, lab: string): Promise<LabStudent> {
    const project = await callService<Project>(test.service, 'labs.start', {
      lab: { builtin: lab },
      name: `Lab ${lab}`,
    });
    return new LabStudent(test, project);
  }

  /** The Training tab as the lab leaves it: its data set and its settings. */
  get labSettings(): { data: DatasetSpecInput; training: TrainingConfig } {
    const { settings } = readProjectSettings(this.project.settings);
    return { data: settings.data!, training: settings.training };
  }

  /** The project's network now (a copy to edit). */
  async graph(): Promise<Graph> {
    const project = await callService<Project>(this.test.service, 'projects.open', {
      projectId: this.project.id,
    });
    return structuredClone(project.graph as Graph);
  }

  async saveGraph(graph: Graph): Promise<void> {
    await callService(this.test.service, 'graph.save', { projectId: this.project.id, graph });
  }

  /** Changes one node's settings, as the Inspector does. */
  async setParams(nodeId: string, params: Record<string, unknown>): Promise<void> {
    const graph = await this.graph();
    const node = graph.nodes.find((n) => n.id === nodeId);
    if (!node) throw new Error(`no node "${nodeId}" in the lab's network`);
    node.params = { ...node.params, ...params };
    await this.saveGraph(graph);
  }

  /**
   * Trains with the lab's settings, changed as a step says, and waits for the run to end.
   * Returns the run's id once it has ended as `ends` says (failing the test if not).
   * A run may take a while when other tests share the CPUs: up to 90 s each.
   */
  async train(
    changes: Partial<TrainingConfigInput> = {},
    data: DatasetSpecInput = this.labSettings.data,
    ends: 'finished' | 'failed' = 'finished',
  ): Promise<string> {
    const config = trainingConfigSchema.parse({ ...this.labSettings.training, ...changes });
    const { runId } = await callService<{ runId: string }>(this.test.service, 'training.start', {
      projectId: this.project.id,
      data,
      config,
      backend: 'auto',
    });
    const ended = () =>
      this.test.events.find(
        (e) =>
          e.name === 'training.event' &&
          (e.payload as { runId: string }).runId === runId &&
          ['finished', 'stopped', 'failed'].includes(
            (e.payload as { event: { type: string } }).event.type,
          ),
      );
    await expect.poll(() => ended() !== undefined, { timeout: 90_000 }).toBe(true);
    this.lastEnd = (ended()!.payload as { event: { type: string } }).event;
    expect(this.lastEnd).toMatchObject({ type: ends });
    return runId;
  }

  /** A run's record: its settings, epochs and final figures. */
  async run(runId: string): Promise<Run> {
    return callService<Run>(this.test.service, 'runs.get', { runId });
  }

  /** A run's trained weights, layer by layer, with where they started. */
  async weights(runId: string): Promise<LayerWeights> {
    return callService<LayerWeights>(this.test.service, 'runs.weights', { runId });
  }

  async answer(goalId: string, answer: number): Promise<void> {
    await callService(this.test.service, 'labs.answer', {
      projectId: this.project.id,
      goalId,
      answer,
    });
  }

  async status(): Promise<LabStatus> {
    return callService<LabStatus>(this.test.service, 'labs.status', {
      projectId: this.project.id,
    });
  }

  /** The goals not met now, with Neurite's sentence for each (empty when all are met). */
  async unmetGoals(ids?: readonly string[]): Promise<{ id: string; detail: string }[]> {
    const { goals } = await this.status();
    return goals
      .filter((goal) => (ids === undefined || ids.includes(goal.id)) && !goal.met)
      .map(({ id, detail }) => ({ id, detail }));
  }
}
