import type { Goal } from '../../../shared/labs/goals';
import type { LabStatus } from '../../../shared/labs/lab-api';
import type { GoalStatus } from '../../../shared/labs/lab-progress';

export interface GoalView {
  readonly goal: Goal;
  /** What Neurite saw; undefined while the status has no word on it yet. */
  readonly state: GoalStatus | undefined;
}

/** One step's goals with what Neurite says about each. */
export function stepGoals(status: LabStatus, stepIndex: number): GoalView[] {
  const byId = new Map(status.goals.map((state) => [state.id, state]));
  return (status.lab.steps[stepIndex]?.goals ?? []).map((goal) => ({
    goal,
    state: byId.get(goal.id),
  }));
}

/** Goals met of all the lab's goals, for "3 of 5 goals". */
export function goalCount(status: LabStatus): { met: number; total: number } {
  return { met: status.goals.filter((g) => g.met).length, total: status.goals.length };
}

/** Whether every goal of a step is met (a step without goals never is: nothing to show). */
export function stepDone(status: LabStatus, stepIndex: number): boolean {
  const goals = stepGoals(status, stepIndex);
  return goals.length > 0 && goals.every((g) => g.state?.met === true);
}

/** The step the panel shows: the saved one, kept inside the lab if the lab got shorter. */
export function currentStep(status: LabStatus): number {
  return Math.min(status.progress.step, status.lab.steps.length - 1);
}
