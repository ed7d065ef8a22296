import type { ApiClient } from '../../../../shared/api/client';
import type { LabRef } from '../../../../shared/labs/lab-api';
import { labGoals, type LabDocument } from '../../../../shared/labs/lab-document';

/** What each goal asks, by id: the table's columns are named by id, and say this on hover. */
export type GoalTitles = Readonly<Record<string, string>>;

export function goalTitles(lab: LabDocument): GoalTitles {
  return Object.fromEntries(labGoals(lab).map(({ goal }) => [goal.id, goal.text]));
}

/**
 * A built-in lab's goals: its file as Hand out gives it, read back. Only for the column
 * titles, so a failure leaves the ids alone (undefined), never an error to show.
 */
export async function builtinGoalTitles(
  api: ApiClient,
  ref: LabRef,
): Promise<GoalTitles | undefined> {
  try {
    const file = await api.call('labs.handOut', { lab: ref });
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
    const text = new TextDecoder().decode(bytes);
    const { lab } = await api.call('labs.read', { fileName: file.fileName, text });
    return goalTitles(lab);
  } catch {
    return undefined;
  }
}
