import { useEffect, useState } from 'react';
import { useApi, useApiEvent } from '../api';

/**
 * What Neurite must tell the user whatever screen is open: a database it had to set aside
 * (said once at start-up, and as it happens), and a failure inside Neurite that nothing else
 * reported. Each stays until it is dismissed; the work on screen goes on underneath.
 */
export function AppNotices() {
  const client = useApi();
  const [notices, setNotices] = useState<readonly string[]>([]);
  const add = (message: string) =>
    setNotices((shown) => (shown.includes(message) ? shown : [...shown, message]));

  useEffect(() => {
    let current = true;
    // Told once: app.info hands each start-up notice to the first window that asks.
    client.call('app.info', {}).then(
      (info) => {
        if (current) info.notices.forEach(add);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client]);
  useApiEvent('app.problem', ({ message }) => add(message));
  useApiEvent('store.recovered', ({ message, backupPath }) =>
    add(`${message} The damaged file was kept as ${backupPath}.`),
  );

  if (notices.length === 0) return null;
  return (
    <div className="app-notices">
      {notices.map((message) => (
        <p key={message} className="banner banner-error app-notice" role="alert">
          <span>{message}</span>
          <button
            type="button"
            className="app-notice-dismiss"
            aria-label="Dismiss this message"
            onClick={() => setNotices((shown) => shown.filter((m) => m !== message))}
          >
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
