import { lazy } from 'react';
import { useApiEvent } from './api';
import { broadcastAppCommand, isTextField } from './app-commands';
import { AppNotices } from './components/AppNotices';
import { LazyPart } from './components/LazyPart';
import { Inspector } from './components/Inspector';
import { ProjectsScreen } from './projects/ProjectsScreen';
import { navigate, useRoute } from './routes';

// The editor brings React Flow with it; load it only when it is opened.
const EditorScreen = lazy(async () => ({
  default: (await import('./editor/EditorScreen')).EditorScreen,
}));
const ProjectWorkspace = lazy(async () => ({
  default: (await import('./workspace/ProjectWorkspace')).ProjectWorkspace,
}));

/**
 * The page's screens, chosen by the address's hash: `#/` projects, `#/project/<id>/<tab>` an
 * open project, `#/inspector` the read-only template inspector, `#/editor/<template>` a scratch
 * copy of a template that is not saved.
 */
export function App() {
  return (
    <>
      <AppNotices />
      <Screen />
    </>
  );
}

function Screen() {
  const route = useRoute();
  useDesktopMenu();

  switch (route.screen) {
    case 'projects':
      return <ProjectsScreen trash={route.trash} creating={route.creating === true} />;
    case 'project':
      return (
        <LazyPart key="project" fallback={<p className="loading">Opening the project…</p>}>
          <ProjectWorkspace key={route.projectId} projectId={route.projectId} tab={route.tab} />
        </LazyPart>
      );
    case 'inspector':
      return <Inspector />;
    case 'editor':
      return (
        <LazyPart key="editor" fallback={<p className="loading">Opening the editor…</p>}>
          <EditorScreen templateId={route.templateId} />
        </LazyPart>
      );
  }
}

/** Menu items of the desktop app: open what they name, and pass the rest to the screen. */
function useDesktopMenu(): void {
  useApiEvent('app.command', ({ command, projectId }) => {
    if (command === 'newProject') navigate({ screen: 'projects', trash: false, creating: true });
    else if (command === 'openProject' && projectId) {
      navigate({ screen: 'project', projectId, tab: 'network' });
    } else if (command === 'selectAll' && isTextField(document.activeElement)) {
      // In a field, Select All is the field's own, on every screen.
      document.execCommand('selectAll');
    } else broadcastAppCommand(command);
  });
}
