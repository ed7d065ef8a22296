import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { LabGradeRow, LabRef, LabSummary } from '../../../../shared/labs/lab-api';
import { describeError, useApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field, FieldError } from '../../components/Field';
import { readFileAsBase64 } from '../../projects/read-file';
import { saveFileForUser } from '../../save-file';
import { readLabFile } from '../read-lab-file';
import { GradeTable } from './GradeTable';
import { gradeColumns, gradesCsv } from './grade-table';
import { gradeFiles, submissionFiles } from './grade-files';
import { builtinGoalTitles, goalTitles, type GoalTitles } from './goal-titles';

interface CollectDialogProps {
  /** The built-in labs, to grade against one of them. */
  readonly builtins: readonly LabSummary[];
  readonly onClose: () => void;
}

const FROM_FILE = '';

interface ChosenLab {
  readonly ref: LabRef;
  readonly title: string;
  readonly goals?: GoalTitles;
}

/**
 * The teacher's side: pick the lab, then the students' hand-in files (or a folder of them);
 * Neurite re-checks every goal and recomputes each best run's test figures, and the table
 * shows who met what and whether a file's own figures hold up.
 */
export function CollectDialog({ builtins, onClose }: CollectDialogProps) {
  const api = useApi();
  const [choice, setChoice] = useState(builtins[0]?.id ?? FROM_FILE);
  const [fromFile, setFromFile] = useState<ChosenLab>();
  const [labProblem, setLabProblem] = useState<string>();
  const [rows, setRows] = useState<readonly LabGradeRow[]>([]);
  const [progress, setProgress] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [grading, setGrading] = useState(false);
  const abort = useRef<AbortController>(undefined);
  const folderInput = useRef<HTMLInputElement>(null);

  // Closing the dialog stops grading between files.
  useEffect(() => () => abort.current?.abort(), []);
  // React has no prop for picking a folder; the attribute is what Chromium reads.
  useEffect(() => folderInput.current?.setAttribute('webkitdirectory', ''), []);

  const [builtinGoals, setBuiltinGoals] = useState<{ id: string; goals: GoalTitles }>();
  const builtin = builtins.find((lab) => lab.id === choice);
  const lab: ChosenLab | undefined = builtin
    ? {
        ref: { builtin: builtin.id },
        title: builtin.title,
        ...(builtinGoals?.id === builtin.id ? { goals: builtinGoals.goals } : {}),
      }
    : fromFile;

  // The chosen built-in lab's goal texts, for the columns' titles.
  const builtinId = builtin?.id;
  useEffect(() => {
    if (builtinId === undefined) return;
    let current = true;
    void builtinGoalTitles(api, { builtin: builtinId }).then((goals) => {
      if (current && goals) setBuiltinGoals({ id: builtinId, goals });
    });
    return () => {
      current = false;
    };
  }, [api, builtinId]);

  const openLab = async (file: File) => {
    const read = await readLabFile(api, file);
    if (read.ok) {
      setFromFile({ ref: read.ref, title: read.summary.title, goals: goalTitles(read.lab) });
      setLabProblem(undefined);
    } else {
      setFromFile(undefined);
      setLabProblem([read.message, ...read.problems].join('\n'));
    }
  };

  const grade = async (picked: FileList | null) => {
    if (!lab || !picked) return;
    const files = submissionFiles(picked);
    if (files.length === 0) {
      setProgress('There are no .neurite files there. Pick the files your students handed in.');
      return;
    }
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setRows([]);
    setNotice(undefined);
    setGrading(true);
    setProgress(`Grading 1 of ${files.length}: ${files[0]!.name}…`);
    await gradeFiles(
      api,
      lab.ref,
      files,
      (row, done) => {
        setRows((before) => [...before, row]);
        setProgress(
          done < files.length
            ? `Grading ${done + 1} of ${files.length}: ${files[done]!.name}…`
            : `Graded ${files.length} ${files.length === 1 ? 'submission' : 'submissions'} against “${lab.title}”.`,
        );
      },
      controller.signal,
    );
    if (!controller.signal.aborted) setGrading(false);
  };

  /** Grades the files just picked, and empties the input so the same ones can be picked again. */
  const gradePicked = (event: ChangeEvent<HTMLInputElement>) => {
    void grade(event.target.files);
    event.target.value = '';
  };

  const exportCsv = async () => {
    const csv = gradesCsv(rows, gradeColumns(rows));
    try {
      const said = await saveFileForUser(api, {
        fileName: `${lab?.title ?? 'lab'} grades.csv`.replace(/[\\/:*?"<>|]/g, '-'),
        // The byte-order mark tells Excel the file is UTF-8 (names with accents, ✓ and ✗).
        base64: await readFileAsBase64(new Blob(['\uFEFF', csv], { type: 'text/csv' })),
      });
      if (said) setNotice(said);
    } catch (error) {
      setNotice(describeError(error, 'The table could not be saved. Try again.'));
    }
  };

  return (
    <Dialog title="Collect submissions" onClose={onClose} wide>
      <div className="collect">
        <div className="collect-row">
          <Field label="Lab">
            <select
              value={choice}
              disabled={grading}
              onChange={(event) => setChoice(event.target.value)}
            >
              {builtins.map((summary) => (
                <option key={summary.id} value={summary.id}>
                  {summary.title}
                </option>
              ))}
              <option value={FROM_FILE}>A lab file…</option>
            </select>
          </Field>
          {choice === FROM_FILE && (
            <Field label={fromFile ? `Lab file: ${fromFile.title}` : 'Lab file (.yaml)'}>
              <input
                type="file"
                accept=".yaml,.yml"
                disabled={grading}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (file) void openLab(file);
                }}
              />
            </Field>
          )}
        </div>
        <FieldError problem={labProblem} className="lab-problem-text" />
        <div className="collect-row">
          <Field label="Submission files (.neurite)">
            <input
              type="file"
              multiple
              accept=".neurite"
              disabled={!lab || grading}
              onChange={gradePicked}
            />
          </Field>
          <Field label="…or a folder of them">
            <input
              ref={folderInput}
              type="file"
              disabled={!lab || grading}
              onChange={gradePicked}
            />
          </Field>
        </div>
        {!lab && (
          <p className="dialog-hint">Choose the lab first: submissions are graded against it.</p>
        )}
        {progress && (
          <p className="collect-progress" role="status">
            {progress}
          </p>
        )}
        {rows.length > 0 && (
          <GradeTable rows={rows} {...(lab?.goals ? { goals: lab.goals } : {})} />
        )}
        {notice && <p role="status">{notice}</p>}
        <div className="dialog-buttons">
          <button
            type="button"
            className="button"
            disabled={rows.length === 0 || grading}
            onClick={() => void exportCsv()}
          >
            Export CSV
          </button>
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
