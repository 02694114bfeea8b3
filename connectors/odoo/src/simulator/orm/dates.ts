/** Odoo's wire formats: naive UTC `YYYY-MM-DD HH:MM:SS` for datetimes and `YYYY-MM-DD` for dates. */
export function formatDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A datetime string as Odoo accepts it on write (date-only strings mean midnight). */
export function normaliseDatetime(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?/.exec(value);
  if (!match) return undefined;
  const time = match[2] ?? '00:00:00';
  return `${match[1]} ${time.length === 5 ? `${time}:00` : time}`;
}

export function normaliseDate(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return match?.[1];
}
