import './labs.css';
import { useRef, useState } from 'react';
import type { LabRef, LabSummary } from '../../../shared/labs/lab-api';
import { describeError, useApi, useApiQuery } from '../api';
import { HiddenFileInput } from '../components/HiddenFileInput';
import { navigate } from '../routes';
import { saveFileForUser } from '../save-file';
import { CollectDialog } from './collect/CollectDialog';
import { LabCard } from './LabCard';
import { LabProblemsDialog } from './LabProblemsDialog';
import { readLabFile } from './read-lab-file';
import { StartLabDialog } from './StartLabDialog';

interface LabsSectionProps {
  /** Says a sentence in the screen's status line (a saved file). */
  readonly onNotice: (notice: string) => void;
  /** Says what went wrong in the screen's error line. */
  readonly onProblem: (problem: string) => void;
}

/** A lab the user can start or hand out: a built-in one, or a file opened in this session. */
interface ShownLab {
  readonly ref: LabRef;
  readonly summary: LabSummary;
  readonly fileName?: string;
}

/**
 * The projects screen's Labs: the built-in labs and any lab file the teacher opens, each with
 * Start (a new project that follows it) and Hand out; and Collect submissions for the teacher.
 */
export function LabsSection({ onNotice, onProblem }: LabsSectionProps) {
  const api = useApi();
  const listing = useApiQuery('labs.list', {});
  const [opened, setOpened] = useState<readonly ShownLab[]>([]);
  const [starting, setStarting] = useState<ShownLab>();
  const [problems, setProblems] = useState<{ message: string; problems: readonly string[] }>();
  const [collecting, setCollecting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const builtins: ShownLab[] = (listing.data ?? []).map((summary) => ({
    ref: { builtin: summary.id },
    summary,
  }));
  const labs = [...builtins, ...opened];

  const openFile = async (file: File) => {
    const read = await readLabFile(api, file);
    if (!read.ok) return setProblems(read);
    const shown: ShownLab = { ref: read.ref, summary: read.summary, fileName: file.name };
    // Opening the same file again (after fixing it) replaces the earlier one.
    setOpened((before) => [...before.filter((lab) => lab.fileName !== file.name), shown]);
    onNotice(`Opened the lab “${read.summary.title}”: start it or hand it out below.`);
  };

  const handOut = async (lab: ShownLab) => {
    try {
      const file = await api.call('labs.handOut', { lab: lab.ref });
      const said = await saveFileForUser(api, file);
      if (said) onNotice(said);
    } catch (error) {
      onProblem(describeError(error, `“${lab.summary.title}” could not be saved. Try again.`));
    }
  };

  return (
    <section className="labs-section" aria-label="Labs">
      <div className="labs-section-header">
        <h2>Labs</h2>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          Open a lab file…
        </button>
        <button
          type="button"
          className="button"
          title="Grade your students' hand-ins against a lab"
          onClick={() => setCollecting(true)}
        >
          Collect submissions…
        </button>
        <HiddenFileInput
          ref={fileInput}
          label="Lab file to open"
          accept=".yaml,.yml"
          onFile={(file) => void openFile(file)}
        />
      </div>
      {listing.error !== undefined && (
        <p className="banner banner-error" role="alert">
          {describeError(
            listing.error,
            'The built-in labs could not be listed. Restart Neurite; your projects are not affected.',
          )}
        </p>
      )}
      {labs.length > 0 && (
        <ul className="lab-grid" aria-label="Labs to start">
          {labs.map((lab) => (
            <LabCard
              key={lab.fileName ?? lab.summary.id}
              summary={lab.summary}
              {...(lab.fileName ? { fileName: lab.fileName } : {})}
              onStart={() => setStarting(lab)}
              onHandOut={() => void handOut(lab)}
            />
          ))}
        </ul>
      )}
      {starting && (
        <StartLabDialog
          lab={starting.ref}
          title={starting.summary.title}
          onClose={() => setStarting(undefined)}
          onStarted={(projectId) => navigate({ screen: 'project', projectId, tab: 'network' })}
        />
      )}
      {problems && (
        <LabProblemsDialog
          message={problems.message}
          problems={problems.problems}
          onClose={() => setProblems(undefined)}
        />
      )}
      {collecting && (
        <CollectDialog
          builtins={builtins.map((lab) => lab.summary)}
          onClose={() => setCollecting(false)}
        />
      )}
    </section>
  );
}
