import type { TablePreview as Table } from '../../../shared/data/dataset-preview';
import { countText } from './model/describe-data';

/** The first rows of a table, as the file has them; the target columns are marked. */
export function TablePreview({
  table,
  targets = [],
}: {
  table: Table;
  targets?: readonly string[];
}) {
  const isTarget = (column: string | undefined) => column !== undefined && targets.includes(column);
  return (
    <figure className="data-figure">
      <div className="data-table-frame">
        <table className="data-table" aria-label="Example rows">
          <thead>
            <tr>
              {table.columns.map((column, i) => (
                <th
                  key={i}
                  scope="col"
                  className={isTarget(column) ? 'data-target-column' : undefined}
                >
                  {column}
                  {isTarget(column) && <span className="data-target-tag">target</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td
                    key={c}
                    className={
                      isTarget(table.columns[c])
                        ? 'data-target-column'
                        : typeof cell === 'number'
                          ? 'numeric'
                          : undefined
                    }
                  >
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figcaption>
        {table.rows.length < table.rowCount
          ? `${countText(table.rows.length, 'row')} of ${table.rowCount.toLocaleString('en-US')} shown.`
          : `All ${countText(table.rowCount, 'row')}.`}
      </figcaption>
    </figure>
  );
}
