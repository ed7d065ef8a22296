import { useMemo, useState } from 'react';
import type { LabGradeRow } from '../../../../shared/labs/lab-api';
import {
  claimedFigure,
  gradeColumns,
  nextOrder,
  sortRows,
  type GradeColumn,
  type SortOrder,
} from './grade-table';
import type { GoalTitles } from './goal-titles';
import { sameWork } from './same-work';

interface GradeTableProps {
  readonly rows: readonly LabGradeRow[];
  /** What each goal asks, by id, shown on a goal column's header. */
  readonly goals?: GoalTitles;
  /** The sort order, when the dialog keeps it (its CSV follows it); else the table's own. */
  readonly order?: SortOrder | undefined;
  readonly onOrder?: (order: SortOrder) => void;
}

const CLAIMED: Readonly<Record<string, 'accuracy' | 'loss'>> = {
  'claimed-accuracy': 'accuracy',
  'claimed-loss': 'loss',
};

/** Students × goals, sortable by any column; a file that could not be graded says why. */
export function GradeTable({ rows, goals, ...sorting }: GradeTableProps) {
  const [ownOrder, setOwnOrder] = useState<SortOrder>();
  const order = sorting.onOrder ? sorting.order : ownOrder;
  const setOrder = sorting.onOrder ?? setOwnOrder;
  const columns = useMemo(() => gradeColumns(rows), [rows]);
  const sorted = useMemo(() => sortRows(rows, columns, order), [rows, columns, order]);
  const copies = useMemo(() => sameWork(rows), [rows]);
  const [first, second, ...rest] = columns;

  return (
    <div className="grade-table-wrap">
      <table className="grade-table" aria-label="Submissions">
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={
                  order?.key === column.key
                    ? order.descending
                      ? 'descending'
                      : 'ascending'
                    : undefined
                }
              >
                <button
                  type="button"
                  title={column.key.startsWith('goal:') ? goals?.[column.key.slice(5)] : undefined}
                  onClick={() => setOrder(nextOrder(order, column.key))}
                >
                  {column.title}
                  {order?.key === column.key ? (order.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={`${rows.indexOf(row)}`}>
              {first && <td>{first.text(row)}</td>}
              {second && <FileCell file={second.text(row)} sameAs={copies.get(row)} />}
              {row.problem !== null ? (
                <td className="grade-problem" colSpan={rest.length}>
                  {row.problem}
                </td>
              ) : (
                rest.map((column) => <GradeCell key={column.key} column={column} row={row} />)
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The file's name; a file that is the same work as others under other names says so. */
function FileCell({ file, sameAs }: { file: string; sameAs: readonly string[] | undefined }) {
  if (!sameAs) return <td>{file}</td>;
  return (
    <td className="grade-same-work">
      {file} <span className="grade-same-work-note">⚠ the same work as {sameAs.join(', ')}</span>
    </td>
  );
}

function GradeCell({ column, row }: { column: GradeColumn; row: LabGradeRow }) {
  const text = column.text(row);
  const claimed = CLAIMED[column.key];
  if (claimed && claimedFigure(row, claimed).differs) {
    return (
      <td
        className="grade-claim-differs"
        title="The file claims this, but its network gives the test figure beside it"
      >
        ⚠ {text}
      </td>
    );
  }
  const className = text === '✓' ? 'grade-met' : text === '✗' ? 'grade-unmet' : undefined;
  const goal = column.key.startsWith('goal:')
    ? row.goals.find((g) => `goal:${g.id}` === column.key)
    : undefined;
  return (
    <td className={className} title={goal?.detail}>
      {text}
    </td>
  );
}
