import { formatCount } from '../../../shared/inference/memory';
import { plural } from '../../../shared/text/plural';
import type { TemplateEntry } from '../templates';

interface TemplateListProps {
  readonly templates: readonly TemplateEntry[];
  readonly selectedId: string | undefined;
  readonly onSelect: (id: string) => void;
}

export function TemplateList({ templates, selectedId, onSelect }: TemplateListProps) {
  return (
    <nav className="sidebar" aria-label="Built-in networks">
      <h2 className="sidebar-title">Built-in networks</h2>
      <ul className="template-list">
        {templates.map((template) => (
          <li key={template.id}>
            <button
              type="button"
              className="template-item"
              aria-current={template.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(template.id)}
            >
              <span className="template-name">{template.name}</span>
              <span className={`template-meta${hasErrors(template) ? ' template-meta-error' : ''}`}>
                {templateMeta(template)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function hasErrors(template: TemplateEntry): boolean {
  return !template.ok || template.inspection.errorCount > 0;
}

function templateMeta(template: TemplateEntry): string {
  if (!template.ok) return 'Cannot be read';
  const { rows, totals, errorCount } = template.inspection;
  const layers = plural(rows.length, 'layer');
  if (errorCount > 0) return `${layers} · ${plural(errorCount, 'error')}`;
  return `${layers} · ${formatCount(totals.total)} parameters`;
}
