import type { NetworkInspection } from '../inspection';
import { IssueList } from './IssueList';
import { LayerTable } from './LayerTable';
import { NetworkTotals } from './NetworkTotals';

interface NetworkInspectorProps {
  readonly name: string;
  readonly description: string;
  readonly inspection: NetworkInspection;
}

export function NetworkInspector({ name, description, inspection }: NetworkInspectorProps) {
  return (
    <article className="inspector">
      <header className="inspector-header">
        <h1>{name}</h1>
        {description && <p className="description">{description}</p>}
      </header>
      <NetworkTotals inspection={inspection} />
      <section aria-labelledby="layers-title">
        <h2 id="layers-title" className="section-title">
          Layers
        </h2>
        <p className="section-hint">Data flows from the first row to the last.</p>
        <LayerTable rows={inspection.rows} total={inspection.totals.total} />
      </section>
      <section aria-labelledby="problems-title">
        <h2 id="problems-title" className="section-title">
          Problems
        </h2>
        <IssueList issues={inspection.issues} />
      </section>
    </article>
  );
}
