import { useState } from 'react';
import type { ProjectSummary } from '../../../shared/api/records';
import { plural } from '../../../shared/text/plural';
import { formatDateTime } from '../format';

interface ProjectCardProps {
  readonly project: ProjectSummary;
  readonly inTrash: boolean;
  readonly onRename: (name: string) => void;
  readonly onDuplicate: () => void;
  readonly onTrash: () => void;
  readonly onRestore: () => void;
}

/** One project in the list: its picture, name, when it was changed, and what can be done. */
export function ProjectCard(props: ProjectCardProps) {
  const { project, inTrash } = props;
  const [renaming, setRenaming] = useState(false);
  const href = `#/project/${encodeURIComponent(project.id)}/network`;
  const runs = plural(project.runCount, 'run');

  return (
    <li className="project-card" aria-label={project.name}>
      {inTrash ? (
        <Thumbnail project={project} />
      ) : (
        <a className="project-open" href={href} aria-label={`Open ${project.name}`}>
          <Thumbnail project={project} />
        </a>
      )}
      <div className="project-card-body">
        {renaming ? (
          <RenameField
            name={project.name}
            onDone={(name) => {
              setRenaming(false);
              if (name !== undefined) props.onRename(name);
            }}
          />
        ) : inTrash ? (
          <span className="project-card-name">{project.name}</span>
        ) : (
          <a className="project-card-name" href={href}>
            {project.name}
          </a>
        )}
        {project.lab && (
          <span className="project-card-meta">Follows the lab “{project.lab.title}”</span>
        )}
        <span className="project-card-meta">
          {inTrash && project.trashedAt
            ? `Trashed ${formatDateTime(project.trashedAt)}`
            : `Edited ${formatDateTime(project.updatedAt)} · ${runs}`}
        </span>
        <div className="project-card-actions">
          {inTrash ? (
            <button type="button" className="link-button" onClick={props.onRestore}>
              Restore
            </button>
          ) : (
            <>
              <button type="button" className="link-button" onClick={() => setRenaming(true)}>
                Rename
              </button>
              <button type="button" className="link-button" onClick={props.onDuplicate}>
                Duplicate
              </button>
              <button type="button" className="link-button" onClick={props.onTrash}>
                Move to trash
              </button>
            </>
          )}
        </div>
      </div>
    </li>
  );
}

function Thumbnail({ project }: { project: ProjectSummary }) {
  return project.thumbnail ? (
    <img className="project-thumbnail" src={project.thumbnail} alt="" />
  ) : (
    <span className="project-thumbnail project-thumbnail-empty" aria-hidden="true" />
  );
}

function RenameField({ name, onDone }: { name: string; onDone: (name?: string) => void }) {
  const [draft, setDraft] = useState(name);
  const trimmed = draft.trim();
  return (
    <span className="project-name-field">
      <input
        autoFocus
        aria-label="New name"
        value={draft}
        maxLength={200}
        aria-invalid={trimmed === '' ? true : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && trimmed !== '')
            onDone(trimmed === name ? undefined : trimmed);
          if (event.key === 'Escape') onDone();
        }}
        onBlur={() => onDone(trimmed !== '' && trimmed !== name ? trimmed : undefined)}
      />
      {trimmed === '' && <span className="field-error">A project needs a name.</span>}
    </span>
  );
}
