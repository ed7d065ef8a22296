import { formatCount } from '../../../shared/inference/memory';
import { plural } from '../../../shared/text/plural';
import type { LayerRow } from '../inspection';

interface LayerTableProps {
  readonly rows: readonly LayerRow[];
  readonly total: number;
}

export function LayerTable({ rows, total }: LayerTableProps) {
  return (
    <div className="table-frame">
      <table className="layer-table">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Kind</th>
            <th scope="col">Settings</th>
            <th scope="col" title="The size of what the layer passes on, for one example">
              Output shape
            </th>
            <th scope="col" className="numeric" title="Weights and biases the layer holds">
              Parameters
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={rowTone(row)}>
              <th scope="row" className="layer-name">
                {row.name}
                {row.name !== row.id && <span className="layer-id">{row.id}</span>}
              </th>
              <td title={row.kindSummary}>{row.kindTitle}</td>
              <td className="settings">{row.settings}</td>
              <td className="shape">
                {row.outputShape ?? <span className="unknown">unknown</span>}
                <RowBadge row={row} />
              </td>
              <td className="numeric">{formatCount(row.parameters)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              Total
            </th>
            <td className="numeric">{formatCount(total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function RowBadge({ row }: { readonly row: LayerRow }) {
  if (row.errors > 0)
    return <span className="badge badge-error">{plural(row.errors, 'error')}</span>;
  if (row.warnings > 0) {
    return <span className="badge badge-warning">{plural(row.warnings, 'warning')}</span>;
  }
  return null;
}

function rowTone(row: LayerRow): string | undefined {
  if (row.errors > 0) return 'row-error';
  if (row.warnings > 0) return 'row-warning';
  return undefined;
}
