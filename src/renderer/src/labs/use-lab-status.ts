import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabStatus } from '../../../shared/labs/lab-api';
import { describeError, useApi, useApiEvent } from '../api';

const RUN_ENDS: ReadonlySet<string> = new Set(['finished', 'stopped', 'failed']);

export interface LabStatusState {
  /** The lab, the student's progress and every goal as Neurite sees it now. */
  readonly status: LabStatus | undefined;
  /** Why the newest request failed, for the panel to say; cleared by the next success. */
  readonly problem: string | undefined;
  /**
   * Sends a change (an answer, a step, a hint) whose answer is the new status. Resolves to
   * whether it went through; a refusal is said in `problem`.
   */
  readonly change: (work: () => Promise<LabStatus>, failure: string) => Promise<boolean>;
}

/**
 * A lab project's status, kept live: asked again when the project changes (a graph save, a
 * rename, a run's end) and when a run of it ends, so goals tick as soon as they are met.
 * Answers count in the order the requests were made: an older answer that arrives after a
 * newer one is dropped, so a slow reload never undoes a step or an answer.
 */
export function useLabStatus(projectId: string | undefined): LabStatusState {
  const api = useApi();
  const [status, setStatus] = useState<LabStatus>();
  const [problem, setProblem] = useState<string>();
  const started = useRef(0);
  const shown = useRef(0);
  const alive = useRef(true);

  // Answers reach the state in .then callbacks only: nothing here sets state while rendering
  // or synchronously inside an effect.
  const request = useCallback(
    (work: () => Promise<LabStatus>, failure: string): Promise<boolean> => {
      const ticket = ++started.current;
      const newest = () => alive.current && ticket > shown.current;
      return work().then(
        (next) => {
          if (newest()) {
            shown.current = ticket;
            setStatus(next);
            setProblem(undefined);
          }
          return true;
        },
        (error: unknown) => {
          if (newest()) setProblem(describeError(error, failure));
          return false;
        },
      );
    },
    [],
  );

  const reload = useCallback(() => {
    if (projectId === undefined) return;
    void request(
      () => api.call('labs.status', { projectId }),
      "The lab's goals could not be checked. Close the project and open it again.",
    );
  }, [api, projectId, request]);

  useEffect(() => {
    alive.current = true;
    reload();
    return () => {
      alive.current = false;
    };
  }, [reload]);

  useApiEvent('project.changed', (payload) => {
    if (payload.projectId === projectId) reload();
  });
  useApiEvent('training.event', (payload) => {
    if (payload.projectId === projectId && RUN_ENDS.has(payload.event.type)) reload();
  });

  return { status, problem, change: request };
}
