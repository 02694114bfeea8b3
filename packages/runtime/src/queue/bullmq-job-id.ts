/**
 * Maps a queue job id onto one BullMQ accepts as a custom id. BullMQ refuses ids that parse as
 * integers (they would clash with its own counter) and ids containing ':' (its key separator).
 * The mapping is one-to-one, so two different job ids never become the same BullMQ job, and
 * ordinary ids pass through unchanged, which keeps them recognisable in Redis.
 *
 * @example
 * toBullmqJobId('ex-1-7'); // 'ex-1-7'
 * toBullmqJobId('42');     // '%42'
 * toBullmqJobId('a:b');    // 'a%3Ab'
 */
export function toBullmqJobId(jobId: string): string {
  // Only '%25' and '%3A' contain a '%' after escaping, so the '%' prefix below cannot collide.
  const escaped = jobId.replaceAll('%', '%25').replaceAll(':', '%3A');
  if (escaped === '' || `${Number.parseInt(escaped, 10)}` === escaped) return `%${escaped}`;
  return escaped;
}
