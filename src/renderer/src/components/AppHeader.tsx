import { useAppVersion } from '../use-app-version';

export function AppHeader() {
  const version = useAppVersion();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Neurite</span>
        <span className="brand-screen">Network inspector</span>
      </div>
      {version && <span className="version">Version {version}</span>}
    </header>
  );
}
