import { useId, useState } from 'react';
import {
  activeBackendTitle,
  adapterName,
  BACKEND_TITLES,
  type BackendReport,
} from '../../../../shared/training/backends';

/**
 * Which backend runs the training, as a badge; clicking it shows every backend that was tried
 * and why each better one was not used.
 */
export function BackendBadge({ report }: { readonly report: BackendReport }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="backend-badge-wrap">
      <button
        type="button"
        className={`backend-badge backend-${report.active}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        title="Show which backends were tried"
      >
        Runs on {activeBackendTitle(report)}
      </button>
      {open && (
        <div id={panelId} className="backend-report" role="region" aria-label="Backend report">
          <p className="backend-report-title">Backends, best first</p>
          <ol>
            {report.tried.map((entry) => (
              <li key={entry.backend} className={entry.backend === report.active ? 'active' : ''}>
                <strong>{BACKEND_TITLES[entry.backend]}</strong>
                {entry.adapter && ` (adapter: ${adapterName(entry.adapter)})`}
                {entry.backend === report.active
                  ? ' — in use.'
                  : entry.available
                    ? ` — available${entry.reason ? `: ${entry.reason}` : '.'}`
                    : ` — not used${entry.reason ? `: ${entry.reason}` : '.'}`}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
