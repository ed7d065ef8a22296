import { useAppVersion } from '../use-app-version';
import { ScreenHeader } from './ScreenHeader';

/** The template inspector's header: where you are (the way back to your projects), the version. */
export function AppHeader() {
  const version = useAppVersion();
  return (
    <ScreenHeader screen="Templates, layer by layer">
      {version && <span className="version">Version {version}</span>}
    </ScreenHeader>
  );
}
