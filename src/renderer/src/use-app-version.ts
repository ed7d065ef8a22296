import { useEffect, useState } from 'react';

/** The app's version from the desktop host; undefined in a plain browser, which has none. */
export function useAppVersion(): string | undefined {
  const [version, setVersion] = useState<string>();
  useEffect(() => {
    let current = true;
    window.neurite
      ?.appInfo()
      .then((info) => {
        if (current) setVersion(info.version);
      })
      // Only the header shows the version; without it the app works the same.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return version;
}
