import './projects.css';
import { lazy, useCallback, useEffect, useRef, useState } from 'react';
import type { ProjectSummary } from '../../../shared/api/records';
import { describeError, useApi, useApiEvent, useLatestRequest } from '../api';
import { useAppCommands, type AppCommand } from '../app-commands';
import { navigate } from '../routes';
import { ScreenHeader } from '../components/ScreenHeader';
import { HiddenFileInput } from '../components/HiddenFileInput';
import { LazyPart } from '../components/LazyPart';
import { NewProjectDialog } from './NewProjectDialog';
import { ImportModelButton } from './ImportModelButton';
import { ProjectCard } from './ProjectCard';
import { readFileAsBase64 } from './read-file';

// Lab text is Markdown with formulas (markdown-it and Temml): loaded with the section.
const LabsSection = lazy(async () => ({
  default: (await import('../labs/LabsSection')).LabsSection,
}));

interface ProjectsScreenProps {
  /** Show the trash instead of the projects. */
  readonly trash: boolean;
  /** Open the "New project" dialog straight away (the desktop menu's New Project). */
  readonly creating: boolean;
}

/** The start screen: every project as a card, with New, Import and the trash. */
export function ProjectsScreen({ trash, creating }: ProjectsScreenProps) {
  const [projects, setProjects] = useState<readonly ProjectSummary[]>();
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [newOpen, setNewOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const api = useApi();
  const listing = useLatestRequest();

  // Only the newest listing counts: after several changes in a row, an older list that comes
  // back last must not replace a newer one.
  const reload = useCallback(() => {
    listing.run(
      () => api.call('projects.list', { trashed: trash }),
      (list) => {
        setProjects(list);
        setProblem(undefined);
      },
      (error: unknown) => setProblem(describeError(error, 'Your projects could not be listed.')),
    );
  }, [api, listing, trash]);

  useEffect(reload, [reload]);
  useApiEvent('project.changed', reload);

  const onCommand = useCallback((command: AppCommand) => {
    if (command === 'newProject') setNewOpen(true);
    if (command === 'openProject') fileInput.current?.click();
  }, []);
  useAppCommands(onCommand);

  const act = (work: Promise<unknown>, failure: string, done?: string) => {
    work.then(
      () => {
        if (done) setNotice(done);
        reload();
      },
      (error: unknown) => setProblem(describeError(error, failure)),
    );
  };

  const importFile = async (file: File) => {
    try {
      const project = await api.call('projectFiles.import', {
        fileName: file.name,
        base64: await readFileAsBase64(file),
      });
      navigate({ screen: 'project', projectId: project.id, tab: 'network' });
    } catch (error) {
      setProblem(describeError(error, `"${file.name}" could not be imported.`));
    }
  };

  return (
    <div className="app">
      <ScreenHeader screen={trash ? 'Trash' : 'Projects'} projectsList={!trash}>
        {!trash && (
          <>
            <button
              type="button"
              className="button button-primary"
              onClick={() => setNewOpen(true)}
            >
              New project
            </button>
            <button type="button" className="button" onClick={() => fileInput.current?.click()}>
              Import project file…
            </button>
            <ImportModelButton onProblem={setProblem} />
            <a
              className="button"
              href="#/inspector"
              title="Every template's layers, output shapes and parameter counts, read-only"
            >
              Browse templates
            </a>
            <a className="button" href="#/trash">
              Trash
            </a>
          </>
        )}
        {trash && (
          <>
            <button
              type="button"
              className="button button-danger"
              disabled={!projects || projects.length === 0}
              onClick={() => {
                if (window.confirm('Delete every project in the trash for good?')) {
                  act(
                    api.call('projects.emptyTrash', {}),
                    'The trash could not be emptied.',
                    'The trash is empty.',
                  );
                }
              }}
            >
              Empty trash
            </button>
          </>
        )}
        <HiddenFileInput
          ref={fileInput}
          label="Project file to import"
          accept=".neurite,.json"
          onFile={(file) => void importFile(file)}
        />
      </ScreenHeader>
      <main className="projects">
        {problem && (
          <p className="banner banner-error" role="alert">
            {problem}
          </p>
        )}
        {notice && (
          <p className="banner" role="status">
            {notice}
          </p>
        )}
        {!projects && !problem && <p className="loading">Reading your projects…</p>}
        {projects?.length === 0 && (
          <div className="projects-empty">
            {trash ? (
              <p>The trash is empty.</p>
            ) : (
              <>
                <h1>No projects yet</h1>
                <p>
                  Start from a template or an empty canvas. “XOR” is a good first network: four
                  layers that learn a rule a single neuron cannot.
                </p>
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => setNewOpen(true)}
                >
                  New project
                </button>
              </>
            )}
          </div>
        )}
        {projects && projects.length > 0 && (
          <ul
            className="project-grid"
            aria-label={trash ? 'Projects in the trash' : 'Your projects'}
          >
            {projects.map((project) => (
              <ProjectCard
                key={project.id}
                project={project}
                inTrash={trash}
                onRename={(name) =>
                  act(
                    api.call('projects.rename', { projectId: project.id, name }),
                    'The project could not be renamed.',
                  )
                }
                onDuplicate={() =>
                  act(
                    api.call('projects.duplicate', { projectId: project.id }),
                    'The project could not be duplicated.',
                    `Made a copy of “${project.name}”.`,
                  )
                }
                onTrash={() =>
                  act(
                    api.call('projects.trash', { projectId: project.id }),
                    'The project could not be moved to the trash.',
                    `Moved “${project.name}” to the trash. You can restore it from the trash.`,
                  )
                }
                onRestore={() =>
                  act(
                    api.call('projects.restore', { projectId: project.id }),
                    'The project could not be restored.',
                    `Restored “${project.name}”.`,
                  )
                }
              />
            ))}
          </ul>
        )}
        {/* After the student's own projects, which they come back to most. */}
        {!trash && (
          <LazyPart fallback={null}>
            <LabsSection onNotice={setNotice} onProblem={setProblem} />
          </LazyPart>
        )}
      </main>
      {(newOpen || creating) && (
        <NewProjectDialog
          onClose={() => {
            setNewOpen(false);
            if (creating) navigate({ screen: 'projects', trash: false });
          }}
          onCreated={(projectId) => navigate({ screen: 'project', projectId, tab: 'network' })}
        />
      )}
    </div>
  );
}
