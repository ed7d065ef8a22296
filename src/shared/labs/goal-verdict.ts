/** What checking one goal found: whether it is met, and what Neurite saw, in words. */
export interface GoalVerdict {
  readonly met: boolean;
  readonly detail: string;
  /** The run that met it (or came closest), for a run or prediction goal. */
  readonly runId?: string;
}
