import type { ApiClient } from '../../../shared/api/client';
import { ApiCallError } from '../../../shared/api/client';
import type { LabRef, LabSummary } from '../../../shared/labs/lab-api';
import { MAX_LAB_BYTES, type LabDocument } from '../../../shared/labs/lab-document';
import { describeError } from '../api';

/** A lab file the user opened, as Neurite read it. */
export type OpenedLab =
  | {
      readonly ok: true;
      readonly ref: LabRef;
      readonly summary: LabSummary;
      readonly lab: LabDocument;
    }
  | {
      readonly ok: false;
      /** What happened, in one sentence. */
      readonly message: string;
      /** Each problem with its line and field ("line 12, steps[0].title: …"). */
      readonly problems: readonly string[];
    };

/**
 * Reads a picked lab file as text and has Neurite check it (labs.read). A file that is not a
 * lab comes back with its problems, never as a thrown error, so the caller shows them.
 */
export async function readLabFile(api: ApiClient, file: File): Promise<OpenedLab> {
  if (file.size > MAX_LAB_BYTES) {
    return {
      ok: false,
      message: `"${file.name}" is ${Math.round(file.size / 1024)} KB; a lab file is at most ${MAX_LAB_BYTES / 1024} KB. Check that you picked a lab (.neurite-lab.yaml).`,
      problems: [],
    };
  }
  const text = await file.text();
  try {
    const { summary, lab } = await api.call('labs.read', { fileName: file.name, text });
    return { ok: true, ref: { fileName: file.name, text }, summary, lab };
  } catch (error) {
    if (error instanceof ApiCallError && error.error.code === 'invalid-input') {
      const issues = error.error.issues ?? [];
      return {
        ok: false,
        // Main's message lists the problems after its first line; the list is shown apart.
        message: issues.length > 0 ? (error.message.split('\n')[0] ?? '') : error.message,
        problems: issues.map((issue) =>
          issue.path ? `${issue.path}: ${issue.message}` : issue.message,
        ),
      };
    }
    return {
      ok: false,
      message: describeError(error, `"${file.name}" could not be read. Try again.`),
      problems: [],
    };
  }
}
