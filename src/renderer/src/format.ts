const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DATE_TIME_SECONDS = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

/**
 * A stored ISO time as the user's locale writes it, e.g. "21 Nov 2026, 14:05"; with seconds
 * where several can fall in one minute (autosaved versions).
 */
export function formatDateTime(iso: string, withSeconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (withSeconds ? DATE_TIME_SECONDS : DATE_TIME).format(date);
}
