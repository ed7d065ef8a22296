import path from 'node:path';
import type { TrainingJob } from '../../../shared/training/commands';
import type { Evaluation, TrainerEventOf } from '../../../shared/training/events';
import type { createRandom } from '../../data/seeded-random';
import type { TargetPlan } from '../../data/target-plan';
import { compileGraph } from '../compiler/compile-graph';
import type { SavedWeights } from '../inside/inside-model';
import type { BatchSource } from './batches';
import type { EvaluationSet } from './evaluation-sets';
import type { LossSpec } from './evaluate';
import { evaluateRows } from './evaluate';
import { createOptimizer } from './optimizer';
import type { Prepared } from './prepare-graph';
import type { FinalEvent, RunContext } from './run-context';
import type { RowSplit } from './splits';
import { kFolds } from './splits';
import { writeAtomically } from './save-model';
import { loadStartingWeights, startingWeightsNotes } from './starting-weights';
import { trainLoop } from './train-loop';

export interface FoldInput {
  readonly job: TrainingJob;
  readonly graph: Prepared;
  readonly plan: TargetPlan;
  readonly loss: LossSpec;
  readonly optimizerConfig: TrainingJob['config']['optimizer'];
  readonly source: BatchSource;
  readonly split: RowSplit;
  readonly classNames: readonly string[];
  readonly testSet: EvaluationSet | undefined;
  readonly random: ReturnType<typeof createRandom>;
  readonly context: RunContext;
  readonly emitStarted: (
    train: number,
    validation: number,
    fold: { index: number; of: number },
  ) => void;
  readonly notes: string[];
  /** The lone perceptron unit learns by the perceptron rule (see compileGraph). */
  readonly perceptron: boolean;
  /** Stratified k-fold: the examples' classes, which every fold keeps in proportion. */
  readonly labels?: ArrayLike<number>;
  /** Weights every fold starts from instead of its initializers (a project's imported ones). */
  readonly start?: SavedWeights;
}

/**
 * k-fold cross-validation: k networks from the same starting weights, each validated on the
 * one part it did not train on. Reports every fold and their mean; no model is saved.
 */
export async function runFolds(input: FoldInput): Promise<FinalEvent> {
  const { job, context, plan, loss, classNames } = input;
  const k = job.config.kFold;
  const folds = kFolds(input.split.train, k, input.random, input.labels);
  const results: Evaluation[] = [];
  let lastTrain: Evaluation | undefined;
  let epochsRun = 0;
  for (const [index, fold] of folds.entries()) {
    const compiled = compileGraph(input.graph.document, {
      seed: job.config.seed,
      perceptronRule: input.perceptron,
    });
    if (input.start) {
      const use = loadStartingWeights(compiled, input.start);
      // Every fold starts alike: the notes say it once.
      if (index === 0) input.notes.push(...startingWeightsNotes(input.graph.document, use));
    }
    const optimizer = createOptimizer(input.optimizerConfig);
    try {
      input.emitStarted(fold.train.length, fold.validation.length, { index: index + 1, of: k });
      const outcome = await trainLoop({
        model: compiled.model,
        optimizer,
        baseLearningRate: input.optimizerConfig.learningRate,
        source: input.source,
        trainRows: fold.train,
        validation: { source: input.source, rows: fold.validation },
        plan,
        loss,
        classNames,
        config: job.config,
        random: input.random,
        controls: context.controls,
        emit: context.emit,
        fold: index + 1,
      });
      if (outcome.stoppedAt) return { type: 'stopped', ...outcome.stoppedAt };
      epochsRun = outcome.epochsRun;
      results.push(
        await evaluateRows(compiled.model, input.source, fold.validation, plan, loss, classNames),
      );
      lastTrain = await evaluateRows(
        compiled.model,
        input.source,
        fold.train,
        plan,
        loss,
        classNames,
      );
    } finally {
      optimizer.dispose();
      compiled.model.dispose();
    }
  }
  const metricNames = Object.keys(results[0]?.metrics ?? {});
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  input.notes.push(
    `${k}-fold cross-validation: each fold trained a fresh network; the mean is over the ${k} validation folds.`,
  );
  const result: TrainerEventOf<'finished'> = {
    type: 'finished',
    lossName: loss.name,
    epochsRun,
    train: lastTrain!,
    folds: results,
    foldMean: {
      loss: mean(results.map((r) => r.loss)),
      metrics: Object.fromEntries(
        metricNames.map((name) => [name, mean(results.map((r) => r.metrics[name] ?? 0))]),
      ),
    },
    notes: input.notes,
  };
  if (job.outDir) {
    await writeAtomically(
      path.join(path.resolve(job.outDir), 'metrics.json'),
      `${JSON.stringify(result, null, 2)}\n`,
    );
  }
  return result;
}
