import type { Run } from '../api/records';
import { isFraction, metricTitle } from '../training/metric-names';
import { plural } from '../text/plural';
import type { Goal, GoalOf } from './goals';
import { describeBounds, withinBounds } from './bounds';
import type { GoalVerdict } from './goal-verdict';
import type { RunFigures } from './lab-api';

export type MetricPart = GoalOf<'metric'>['part'];

/**
 * A run's loss and metrics on a part of its data. In the app they are the run's own final
 * figures; when a teacher grades a submission they are recomputed from its weights on the
 * lab's data, so a file that claims more than its weights give does not get it.
 */
export type FiguresOf = (run: Run, part: MetricPart) => RunFigures | undefined;

/**
 * A built-in data set's name as a sentence says it ("the XOR gate", "Cereals"). Main knows the
 * titles; without it the id is quoted.
 */
export type DataTitle = (name: string) => string;

export const quotedDataName: DataTitle = (name) => `"${name}"`;

/** " on the XOR gate" for a goal restricted to a data set, else nothing. */
function onData(data: string | undefined, dataTitle: DataTitle): string {
  return data === undefined ? '' : ` on ${dataTitle(data)}`;
}

export const storedFigures: FiguresOf = (run, part) => {
  const final = run.final?.type === 'finished' ? run.final : undefined;
  const evaluation = final?.[part];
  if (!evaluation) return undefined;
  return { examples: 0, loss: evaluation.loss, metrics: evaluation.metrics };
};

/**
 * The runs a goal may be met by: those that finished (early stopping included), on the goal's
 * data set when it names one.
 */
export function finishedRuns(runs: readonly Run[], data?: string): Run[] {
  return runs.filter(
    (run) =>
      run.status === 'finished' &&
      (data === undefined || (run.data.source === 'builtin' && run.data.name === data)),
  );
}

const PART_WORDS: Readonly<Record<MetricPart, string>> = {
  train: 'training',
  validation: 'validation',
  test: 'test',
};

function whenOf(run: Run): string {
  return `the run of ${run.startedAt.slice(0, 16).replace('T', ' ')}`;
}

const noRunYet = (data: string | undefined, dataTitle: DataTitle): GoalVerdict => ({
  met: false,
  detail: `No run${onData(data, dataTitle)} has finished yet: train the network to check this goal.`,
});

/** A metric's figure as the charts show it: shares of examples in per cent ("93.5 %"). */
export function formatMetricFigure(metric: string, value: number): string {
  return isFraction(metric) ? `${formatFigure(value * 100)} %` : formatFigure(value);
}

export function metricVerdict(
  runs: readonly Run[],
  goal: GoalOf<'metric'>,
  figuresOf: FiguresOf,
  dataTitle: DataTitle = quotedDataName,
): GoalVerdict {
  const name = `${PART_WORDS[goal.part]} ${metricTitle(goal.metric).toLowerCase()}`;
  const values = finishedRuns(runs, goal.data)
    .map((run) => {
      const figures = figuresOf(run, goal.part);
      const value = goal.metric === 'loss' ? figures?.loss : figures?.metrics[goal.metric];
      return { run, value };
    })
    .filter((entry): entry is { run: Run; value: number } => entry.value !== undefined);
  if (finishedRuns(runs, goal.data).length === 0) return noRunYet(goal.data, dataTitle);
  if (values.length === 0) {
    return {
      met: false,
      detail: `No finished run${onData(goal.data, dataTitle)} reports a ${name}${goal.part === 'train' ? '' : `: keep a ${PART_WORDS[goal.part]} part in the Training tab`}.`,
    };
  }
  const meeting = values.find((entry) => withinBounds(entry.value, goal));
  // When none meets it, show the closest one, so the student sees how far there is to go.
  const shown =
    meeting ??
    values.reduce((best, entry) =>
      distanceOutside(entry.value, goal) < distanceOutside(best.value, goal) ? entry : best,
    );
  return {
    met: meeting !== undefined,
    detail: `${capitalized(name)} ${formatMetricFigure(goal.metric, shown.value)} in ${whenOf(shown.run)}${onData(goal.data, dataTitle)} (the goal: ${describeBounds(goal, (value) => formatMetricFigure(goal.metric, value))}).`,
    runId: shown.run.id,
  };
}

export function epochsVerdict(
  runs: readonly Run[],
  goal: GoalOf<'epochs'>,
  dataTitle: DataTitle = quotedDataName,
): GoalVerdict {
  const finished = finishedRuns(runs, goal.data);
  if (finished.length === 0) return noRunYet(goal.data, dataTitle);
  const meeting = finished.find((run) => withinBounds(run.epochsRun, goal));
  const shown = meeting ?? finished[0]!;
  return {
    met: meeting !== undefined,
    detail: `${capitalized(whenOf(shown))} trained for ${plural(shown.epochsRun, 'epoch')} (the goal: ${describeBounds(goal)}).`,
    runId: shown.id,
  };
}

export function scheduleVerdict(
  runs: readonly Run[],
  goal: GoalOf<'schedule'>,
  dataTitle: DataTitle = quotedDataName,
): GoalVerdict {
  const finished = finishedRuns(runs, goal.data);
  if (finished.length === 0) return noRunYet(goal.data, dataTitle);
  const meeting = finished.find((run) =>
    goal.type === undefined
      ? run.config.schedule.type !== 'constant'
      : run.config.schedule.type === goal.type,
  );
  return meeting
    ? {
        met: true,
        detail: `${capitalized(whenOf(meeting))} changed its learning rate from epoch to epoch.`,
        runId: meeting.id,
      }
    : {
        met: false,
        detail: `No finished run${onData(goal.data, dataTitle)} used a learning-rate schedule of this kind yet.`,
      };
}

export function earlyStoppingVerdict(
  runs: readonly Run[],
  goal: GoalOf<'early-stopping'>,
  dataTitle: DataTitle = quotedDataName,
): GoalVerdict {
  const finished = finishedRuns(runs, goal.data);
  if (finished.length === 0) return noRunYet(goal.data, dataTitle);
  const stopped = finished.find((run) => run.final?.type === 'finished' && run.final.stoppedEarly);
  if (stopped?.final?.type === 'finished' && stopped.final.stoppedEarly) {
    const { epoch, bestEpoch } = stopped.final.stoppedEarly;
    return {
      met: true,
      detail: `Early stopping ended ${whenOf(stopped)} after epoch ${epoch}, keeping epoch ${bestEpoch}.`,
      runId: stopped.id,
    };
  }
  return {
    met: false,
    detail: `Early stopping has not ended a run${onData(goal.data, dataTitle)} yet.`,
  };
}

/**
 * Overfitting: after its lowest validation loss, a run's validation loss rose by `rise` of it
 * while its training loss went on falling.
 */
export function overfittingVerdict(
  runs: readonly Run[],
  goal: GoalOf<'overfitting'>,
  dataTitle: DataTitle = quotedDataName,
): GoalVerdict {
  const finished = finishedRuns(runs, goal.data);
  if (finished.length === 0) return noRunYet(goal.data, dataTitle);
  for (const run of finished) {
    const epochs = run.epochs.filter((e) => e.fold === null && e.validationLoss !== null);
    if (epochs.length < 3) continue;
    let best = 0;
    epochs.forEach((epoch, index) => {
      if (epoch.validationLoss! < epochs[best]!.validationLoss!) best = index;
    });
    const last = epochs.at(-1)!;
    const low = epochs[best]!;
    if (
      best < epochs.length - 1 &&
      last.validationLoss! >= low.validationLoss! * (1 + goal.rise) &&
      last.loss < low.loss
    ) {
      return {
        met: true,
        detail: `In ${whenOf(run)} the validation loss rose from ${formatFigure(low.validationLoss!)} (epoch ${low.epoch}) to ${formatFigure(last.validationLoss!)} (epoch ${last.epoch}) while the training loss fell from ${formatFigure(low.loss)} to ${formatFigure(last.loss)}.`,
        runId: run.id,
      };
    }
  }
  return {
    met: false,
    detail: `No finished run${onData(goal.data, dataTitle)} shows it yet: the validation loss must rise by ${Math.round(goal.rise * 100)} % after its lowest point while the training loss falls.`,
  };
}

export function optimizerVerdict(
  runs: readonly Run[],
  goal: GoalOf<'optimizer'>,
  dataTitle: DataTitle = quotedDataName,
): GoalVerdict {
  const finished = finishedRuns(runs, goal.data);
  if (finished.length === 0) return noRunYet(goal.data, dataTitle);
  const meeting = finished.find((run) => {
    const optimizer = run.config.optimizer;
    if (optimizer.type !== goal.is) return false;
    if (goal.momentum === undefined) return true;
    const momentum = 'momentum' in optimizer ? optimizer.momentum : 0;
    return withinBounds(momentum, goal.momentum);
  });
  const momentum = goal.momentum ? ` with momentum ${describeBounds(goal.momentum)}` : '';
  return meeting
    ? {
        met: true,
        detail: `${capitalized(whenOf(meeting))} used ${goal.is}${momentum}.`,
        runId: meeting.id,
      }
    : {
        met: false,
        detail: `No finished run${onData(goal.data, dataTitle)} used ${goal.is}${momentum} yet.`,
      };
}

export function runsVerdict(
  runs: readonly Run[],
  goal: GoalOf<'runs'>,
  dataTitle: DataTitle = quotedDataName,
): GoalVerdict {
  const count = finishedRuns(runs, goal.data).length;
  return {
    met: count >= goal.atLeast,
    detail: `${plural(count, `run${onData(goal.data, dataTitle)} has`, `runs${onData(goal.data, dataTitle)} have`)} finished (the goal: at least ${goal.atLeast}).`,
  };
}

/** A run goal's verdict, or undefined for a goal that is not about runs. */
export function runGoalVerdict(
  runs: readonly Run[],
  goal: Goal,
  figuresOf: FiguresOf,
  dataTitle: DataTitle = quotedDataName,
): GoalVerdict | undefined {
  switch (goal.kind) {
    case 'metric':
      return metricVerdict(runs, goal, figuresOf, dataTitle);
    case 'epochs':
      return epochsVerdict(runs, goal, dataTitle);
    case 'schedule':
      return scheduleVerdict(runs, goal, dataTitle);
    case 'early-stopping':
      return earlyStoppingVerdict(runs, goal, dataTitle);
    case 'overfitting':
      return overfittingVerdict(runs, goal, dataTitle);
    case 'optimizer':
      return optimizerVerdict(runs, goal, dataTitle);
    case 'runs':
      return runsVerdict(runs, goal, dataTitle);
    default:
      return undefined;
  }
}

function distanceOutside(
  value: number,
  bounds: { atLeast?: number | undefined; atMost?: number | undefined },
): number {
  if (bounds.atLeast !== undefined && value < bounds.atLeast) return bounds.atLeast - value;
  if (bounds.atMost !== undefined && value > bounds.atMost) return value - bounds.atMost;
  return 0;
}

/** Figures as a teacher checks them: up to 4 significant digits, no trailing zeros. */
export function formatFigure(value: number): string {
  return String(Number(value.toPrecision(4)));
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
