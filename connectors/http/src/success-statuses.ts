/**
 * Which response statuses count as success: exact codes (`404`) or classes (`"2xx"`). 2xx when
 * none are given.
 *
 * @example
 * const ok = successMatcher([200, '3xx']);
 * ok(204); // false
 * ok(302); // true
 */
export function successMatcher(
  statuses: readonly (number | string)[] | undefined,
): (status: number) => boolean {
  if (!statuses || statuses.length === 0) return (status) => status >= 200 && status < 300;
  const exact = new Set(statuses.filter((entry): entry is number => typeof entry === 'number'));
  const classes = new Set(
    statuses.filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.charAt(0)),
  );
  return (status) => exact.has(status) || classes.has(String(status).charAt(0));
}
