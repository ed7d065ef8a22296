import type { GraphDocument } from '../../../shared/graph/document';
import type {
  LiveBoundary,
  LiveExample,
  LiveInsideEvent,
  LiveSaliency,
} from '../../../shared/training/live-inside';
import {
  LIVE_BOUNDARY_SIZE,
  LIVE_EXAMPLES,
  LIVE_MAX_INPUT_VALUES,
  LIVE_TIME_BUDGET,
} from '../../../shared/training/live-inside';
import { featuresOfRow } from '../../data/example-rows';
import type { TargetPlan } from '../../data/target-plan';
import type { LoadedDataset } from '../../data/types';
import { decisionBoundary } from '../inside/boundary';
import { explainExample } from '../inside/explain';
import type { InsideModel } from '../inside/inside-model';
import { openInsideModel } from '../inside/inside-model';
import type { RunData } from '../inside/run-data';
import { lookBackendFor, onBackend } from '../backends/look-backend';
import { tf } from '../tf';
import type { BatchSource } from './batches';
import { allRows, featureSize } from './batches';

/** The examples the live saliency explains: a part of the data and its rows. */
export interface LiveExamplesSource {
  readonly part: 'validation' | 'train';
  readonly source: BatchSource;
  readonly rows: Int32Array;
}

export interface LiveInsideSetup {
  /** The network being trained, as the trainer read it. */
  readonly document: GraphDocument;
  /** The model being trained: its weights are read after each epoch, never written. */
  readonly model: tf.LayersModel;
  readonly dataset: LoadedDataset;
  readonly plan: TargetPlan;
  /** Every example of the data set: the decision boundary spans them and shows them. */
  readonly source: BatchSource;
  readonly examples: LiveExamplesSource;
}

/**
 * Decides after which epochs the live maps are recomputed, so that they take at most
 * LIVE_TIME_BUDGET (5%) of the time spent training and training stays at least about 95% as
 * fast: after an epoch they are recomputed only when the time spent on them so far, plus what
 * the last computation took, stays within 5% of the training time so far. With long epochs
 * that is every epoch; with epochs of a few milliseconds (XOR) it is every so many epochs.
 * The first and the last epoch always get them; the first computation is not counted, since
 * it includes the one-time start of the kernels it uses, like compiling a network.
 */
export class LiveBudget {
  private trainingMs = 0;
  private spentMs = 0;
  private lastCostMs = 0;
  private looks = 0;

  constructor(private readonly share = LIVE_TIME_BUDGET) {}

  /** Time spent training (batches and validation, pauses not counted). */
  trained(ms: number): void {
    this.trainingMs += ms;
  }

  due(last: boolean): boolean {
    if (this.looks === 0 || last) return true;
    return this.spentMs + this.lastCostMs <= this.share * this.trainingMs;
  }

  spent(ms: number): void {
    if (this.looks > 0) this.spentMs += ms;
    this.looks += 1;
    this.lastCostMs = ms;
  }
}

/** Four significant digits: enough for a picture or a bar, and a third of the JSON. */
const rounded = (values: Iterable<number>): number[] =>
  Array.from(values, (value) => Number(value.toPrecision(4)));

const allFinite = (values: readonly number[]): boolean => values.every(Number.isFinite);

/**
 * Up to LIVE_EXAMPLES rows of the part, chosen once: for classification the first example of
 * each class met first (so the maps show different classes), then the first others; in the
 * part's order.
 */
export function chooseLiveExamples(
  examples: LiveExamplesSource,
  classification: boolean,
): number[] {
  const { rows, source } = examples;
  const chosen: number[] = [];
  if (classification) {
    const seen = new Set<number>();
    const labels = source.table.y as Int32Array;
    for (let i = 0; i < Math.min(rows.length, 500) && chosen.length < LIVE_EXAMPLES; i += 1) {
      const label = labels[rows[i]!]!;
      if (seen.has(label)) continue;
      seen.add(label);
      chosen.push(i);
    }
  }
  for (let i = 0; i < rows.length && chosen.length < LIVE_EXAMPLES; i += 1) {
    if (!chosen.includes(i)) chosen.push(i);
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * The trainer's look inside a network as it learns: after an epoch, saliency maps of a few
 * fixed examples and, for data with two input features, the decision boundary, computed by
 * the same engine functions as the Inside panel's (explain.ts, boundary.ts) on a copy of the
 * network that reads the trained weights. The copy lives on a backend that reads numbers
 * back synchronously (see look-backend.ts: WebAssembly while training runs on WebGPU).
 * `open` resolves with undefined when neither applies: text
 * (word ids), an autoencoder's reconstruction, inputs larger than a 64 × 64 colour image
 * without two features.
 */
export class LiveInside {
  private readonly budget = new LiveBudget();
  private readonly copies: readonly [tf.LayerVariable, tf.LayerVariable][];

  private constructor(
    private readonly setup: LiveInsideSetup,
    private readonly model: InsideModel,
    private readonly chosen: readonly number[],
    private readonly boundaryData: RunData | undefined,
    /** The backend the copy lives on. */
    private readonly backend: string,
  ) {
    const trained = new Map(setup.model.weights.map((w) => [w.originalName, w]));
    this.copies = model.compiled.model.weights.map((w) => {
      const from = trained.get(w.originalName);
      if (!from) throw new Error(`The trained network has no weight "${w.originalName}".`);
      return [from, w];
    });
  }

  static async open(setup: LiveInsideSetup): Promise<LiveInside | undefined> {
    const { source, plan, examples } = setup;
    if (source.featureType !== 'float32' || plan.task === 'reconstruction') return undefined;
    const explains = featureSize(source) <= LIVE_MAX_INPUT_VALUES && examples.rows.length > 0;
    const plane = source.featureShape.length === 1 && source.featureShape[0] === 2;
    if (!explains && !plane) return undefined;
    const chosen = explains ? chooseLiveExamples(examples, plan.task === 'classification') : [];
    const boundaryData: RunData | undefined = plane
      ? {
          dataset: setup.dataset,
          plan,
          parts: { all: { source, rows: allRows(setup.dataset.examples.count) } },
          notes: [],
        }
      : undefined;
    const backend = await lookBackendFor(tf.getBackend());
    const model = await onBackend(backend, () => openInsideModel(setup.document));
    return new LiveInside(setup, model, chosen, boundaryData, backend);
  }

  /** Training time since the last call (batches and validation, not pauses). */
  trained(ms: number): void {
    this.budget.trained(ms);
  }

  /** The look after an epoch when the time budget allows it (always after the last one). */
  async afterEpoch(epoch: number, last: boolean): Promise<LiveInsideEvent | undefined> {
    if (!this.budget.due(last)) return undefined;
    const started = performance.now();
    const event = await this.look(epoch);
    this.budget.spent(performance.now() - started);
    return event;
  }

  /** Saliency and boundary for the weights the trained network has now. */
  async look(epoch: number): Promise<LiveInsideEvent | undefined> {
    const started = performance.now();
    const copied = await this.copyWeights();
    const [saliency, boundary] = await onBackend(this.backend, () => {
      copied();
      return [this.saliency(), this.boundary()] as const;
    });
    if (!saliency && !boundary) return undefined;
    const classNames = this.setup.dataset.info.classNames;
    return {
      type: 'inside',
      epoch,
      ...(saliency ? { saliency } : {}),
      ...(boundary ? { boundary } : {}),
      ...(this.setup.plan.task === 'classification' && classNames ? { classNames } : {}),
      elapsedMs: performance.now() - started,
    };
  }

  dispose(): void {
    this.model.dispose();
  }

  /**
   * Reads the trained weights (asynchronously when the copy is on another backend) and returns
   * what writes them into the copy, to be run with the copy's backend active.
   */
  private async copyWeights(): Promise<() => void> {
    if (this.backend === tf.getBackend()) {
      return () => {
        for (const [from, to] of this.copies) to.write(from.read());
      };
    }
    const values = await Promise.all(this.copies.map(([from]) => from.read().data()));
    return () => {
      this.copies.forEach(([from, to], i) => {
        const value = tf.tensor(values[i]!, from.read().shape, from.dtype);
        to.write(value);
        // The copy's variable holds the numbers now.
        value.dispose();
      });
    };
  }

  private saliency(): LiveSaliency | undefined {
    if (this.chosen.length === 0) return undefined;
    const { part, source, rows } = this.setup.examples;
    const size = featureSize(source);
    const classification = this.setup.plan.task === 'classification';
    let explained: LiveSaliency['explained'] = 'score';
    let mapShape: number[] = [];
    const examples: LiveExample[] = [];
    for (const index of this.chosen) {
      const row = rows[index]!;
      const values = featuresOfRow(source.table, row, size) as Float32Array;
      const explanation = explainExample(this.model, values, { method: 'saliency' });
      explained = explanation.explained;
      mapShape = explanation.mapShape;
      const example: LiveExample = {
        index,
        values: rounded(values),
        ...(classification ? { label: source.table.y[row]! } : {}),
        output: rounded(explanation.output),
        ...(classification ? { predicted: explanation.classIndex } : {}),
        map: rounded(explanation.map),
      };
      // A network whose numbers overflowed has nothing to show this time.
      if (!allFinite(example.output) || !allFinite(example.map)) return undefined;
      examples.push(example);
    }
    const featureNames = this.setup.dataset.info.featureNames;
    return {
      part,
      inputShape: [...source.featureShape],
      mapShape,
      explained,
      ...(featureNames && featureNames.length === size && source.featureShape.length === 1
        ? { featureNames }
        : {}),
      examples,
    };
  }

  private boundary(): LiveBoundary | undefined {
    if (!this.boundaryData) return undefined;
    const { units: _units, ...boundary } = decisionBoundary(
      this.model,
      this.boundaryData,
      LIVE_BOUNDARY_SIZE,
    );
    const values = rounded(boundary.values);
    return allFinite(values) ? { ...boundary, values } : undefined;
  }
}
