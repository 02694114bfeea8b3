/**
 * Salesforce's date and time formats. Datetime fields are stored to the second (milliseconds are
 * always .000) and written as `2026-03-02T09:00:00.000+0000`; date fields as `2026-03-02`.
 */

/**
 * A datetime as Salesforce returns it, cut to the second.
 *
 * @example
 * formatDateTime(new Date('2026-03-02T09:00:00.750Z')); // '2026-03-02T09:00:00.000+0000'
 */
export function formatDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}.000+0000`;
}

/**
 * Milliseconds since the epoch of an ISO 8601 datetime in any of the forms Salesforce accepts
 * (`Z`, `+00:00` or `+0000`, with or without milliseconds), or undefined.
 *
 * @example
 * parseDateTime('2026-03-02T09:00:00.000+0000'); // 1772442000000
 * parseDateTime('yesterday');                    // undefined
 */
export function parseDateTime(text: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, day, time, fraction = '', zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const at = Date.parse(`${day}T${time}${fraction}${offset}`);
  return Number.isNaN(at) ? undefined : at;
}

/**
 * Whether a text is a calendar date `YYYY-MM-DD` that exists.
 *
 * @example
 * isDate('2026-02-30'); // false
 */
export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text;
}
