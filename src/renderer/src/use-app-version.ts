import { useRequest } from './api';

/** The app's version from the desktop host; undefined in a plain browser, which has none. */
export function useAppVersion(): string | undefined {
  const bridge = window.neurite;
  // Only the header shows the version; without it the app works the same, so a failure is quiet.
  return useRequest(bridge ? () => bridge.appInfo() : undefined, [bridge]).data?.version;
}
