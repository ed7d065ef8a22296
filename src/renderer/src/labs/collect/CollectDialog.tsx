import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { LabGradeRow, LabRef, LabSummary } from '../../../../shared/labs/lab-api';
import { describeError, useApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field, FieldError } from '../../components/Field';
import { readFileAsBase64 } from '../../projects/read-file';
import { saveFileForUser } from '../../save-file';
import { plural } from '../../../../shared/text/plural';
import { readLabFile } from '../read-lab-file';
import { GradeTable } from './GradeTable';
import { gradesCsvInOrder, type SortOrder } from './grade-table';
import { gradeFiles, submissionFiles } from './grade-files';
import { builtinGoalTitles, goalTitles, type GoalTitles } from './goal-titles';

interface CollectDialogProps {
  /** The built-in labs, to grade against one of them. */
  readonly builtins: readonly LabSummary[];
  readonly onClose: () => void;
}

const FROM_FILE = '';

/** What grading came to: how many files were graded, and how many could not be read. */
function gradedSummary(rows: readonly LabGradeRow[], title: string): string {
  const unread = rows.filter((row) => row.problem !== null).length;
  const graded = rows.length - unread;
  return unread === 0
    ? `Graded ${plural(graded, 'submission')} against “${title}”.`
    : `Graded ${graded} of ${plural(rows.length, 'submission')} against “${title}”; ${unread} could not be read.`;
}

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
  /** The table's sort order, kept here so that the CSV comes out in the same order. */
  const [order, setOrder] = useState<SortOrder>();
  /** The submissions picked, graded again when the teacher chooses another lab. */
  const [picked, setPicked] = useState<readonly File[]>([]);
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
      const opened = { ref: read.ref, title: read.summary.title, goals: goalTitles(read.lab) };
      setFromFile(opened);
      setLabProblem(undefined);
      gradeAgain(opened);
    } else {
      setFromFile(undefined);
      setLabProblem([read.message, ...read.problems].join('\n'));
      gradeAgain(undefined);
    }
  };

  const grade = async (files: readonly File[], against: ChosenLab) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const graded: LabGradeRow[] = [];
    setRows([]);
    setNotice(undefined);
    setGrading(true);
    setProgress(`Grading 1 of ${files.length}: ${files[0]!.name}…`);
    await gradeFiles(
      api,
      against.ref,
      files,
      (row, done) => {
        graded.push(row);
        setRows([...graded]);
        setProgress(
          done < files.length
            ? `Grading ${done + 1} of ${files.length}: ${files[done]!.name}…`
            : gradedSummary(graded, against.title),
        );
      },
      controller.signal,
    );
    if (!controller.signal.aborted) setGrading(false);
  };

  // The files picked are graded against the lab chosen: choosing another lab grades them
  // again, so the table never shows grades against a lab that is no longer the chosen one.
  const gradeAgain = (against: ChosenLab | undefined) => {
    if (picked.length === 0) return;
    if (against) {
      void grade(picked, against);
      return;
    }
    abort.current?.abort();
    setGrading(false);
    setRows([]);
    setProgress('Open the lab file: the submissions picked are graded against it.');
  };

  const choose = (id: string) => {
    setChoice(id);
    const chosen = builtins.find((summary) => summary.id === id);
    gradeAgain(chosen ? { ref: { builtin: chosen.id }, title: chosen.title } : fromFile);
  };

  const pick = (list: FileList | null) => {
    if (!list) return;
    const files = submissionFiles(list);
    if (files.length === 0) {
      setProgress('There are no .neurite files there. Pick the files your students handed in.');
      return;
    }
    setPicked(files);
    if (lab) void grade(files, lab);
  };

  /** Grades the files just picked, and empties the input so the same ones can be picked again. */
  const gradePicked = (event: ChangeEvent<HTMLInputElement>) => {
    pick(event.target.files);
    event.target.value = '';
  };

  const exportCsv = async () => {
    const csv = gradesCsvInOrder(rows, order);
    try {
      const said = await saveFileForUser(api, {
        fileName: `${lab?.title ?? 'lab'} grades.csv`.replace(/[\\/:*?"<>|]/g, '-'),
        // The byte-order mark tells Excel the file is UTF-8 (names with accents).
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
              onChange={(event) => choose(event.target.value)}
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
          <GradeTable
            rows={rows}
            order={order}
            onOrder={setOrder}
            {...(lab?.goals ? { goals: lab.goals } : {})}
          />
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
