import { useAppVersion } from '../use-app-version';

/** The template inspector's header: where you are, the way back to your projects, the version. */
export function AppHeader() {
  const version = useAppVersion();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Neurite</span>
        <span className="brand-screen">Templates, layer by layer</span>
      </div>
      <div className="header-actions">
        {version && <span className="version">Version {version}</span>}
        <a className="button" href="#/">
          Your projects
        </a>
      </div>
    </header>
  );
}
