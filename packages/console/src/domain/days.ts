/**
 * Days as the date inputs give them (`YYYY-MM-DD`) and as the list shows times: in the browser's
 * own time zone, so filtering on a day keeps exactly the rows the list shows on that day.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** The browser-local day of an instant (an input's value passes through as it is). */
export function localDay(value: string | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The API's bounds for local days: from the start of `from`, to the end of `to`. */
export function dayBounds(
  from: string | undefined,
  to: string | undefined,
): { createdFrom?: string; createdTo?: string } {
  return {
    ...(from ? { createdFrom: new Date(`${localDay(from)}T00:00:00`).toISOString() } : {}),
    ...(to ? { createdTo: new Date(`${localDay(to)}T23:59:59.999`).toISOString() } : {}),
  };
}
