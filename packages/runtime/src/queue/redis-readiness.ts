import type { Redis } from 'ioredis';

export interface RedisReadinessOptions {
  /**
   * Skip the maxmemory-policy check, for a managed Redis that allows neither CONFIG GET nor INFO
   * and whose policy the operator has confirmed with the provider.
   */
  skipEvictionPolicyCheck?: boolean;
}

/**
 * A Redis URL fit for an error message: the password is masked.
 *
 * @example
 * redactRedisUrl('redis://app:s3cret@cache:6379/0'); // 'redis://app:***@cache:6379/0'
 */
export function redactRedisUrl(redisUrl: string): string {
  try {
    const url = new URL(redisUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'the configured Redis URL';
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

type PolicyReading = { policy: string; configRefused?: string } | { unreadable: string };

/** CONFIG GET is the direct way; managed services often refuse it but still answer INFO. */
async function readEvictionPolicy(redis: Redis): Promise<PolicyReading> {
  let configRefused: string;
  try {
    // Replies [name, value], or [] when the server does not know the parameter.
    const reply: unknown = await redis.config('GET', 'maxmemory-policy');
    const policy: unknown = Array.isArray(reply) ? reply[1] : undefined;
    if (typeof policy === 'string') return { policy };
    configRefused = 'CONFIG GET returned no maxmemory-policy';
  } catch (error) {
    configRefused = messageOf(error);
  }
  try {
    const info = await redis.info('memory');
    const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
    if (policy) return { policy, configRefused };
    return { unreadable: `CONFIG GET failed (${configRefused}) and INFO memory has no maxmemory_policy` };
  } catch (error) {
    return { unreadable: `CONFIG GET failed (${configRefused}) and INFO failed (${messageOf(error)})` };
  }
}

/**
 * Checks that Redis answers and will never evict a job: with any maxmemory-policy other than
 * noeviction, Redis under memory pressure silently deletes keys, and a deleted job is an order
 * that is never processed. Throws an Error whose message says what is wrong and what to do.
 *
 * @example
 * await checkRedisReady(connection, 'redis://cache:6379');
 */
export async function checkRedisReady(
  redis: Redis,
  redisUrl: string,
  options: RedisReadinessOptions = {},
): Promise<void> {
  const where = `Redis at ${redactRedisUrl(redisUrl)}`;
  try {
    await redis.ping();
  } catch (error) {
    throw new Error(`${where} did not answer PING (${messageOf(error)}), so executions cannot be queued.`, {
      cause: error,
    });
  }
  if (options.skipEvictionPolicyCheck) return;

  const reading = await readEvictionPolicy(redis);
  if ('unreadable' in reading) {
    throw new Error(
      `${where} does not let Waybill read its maxmemory-policy: ${reading.unreadable}. ` +
        'CONFIG is probably not allowed on this managed Redis. Waybill needs noeviction, because an evicted job ' +
        'is a lost order: allow CONFIG GET or INFO for this user (BullMQ itself reads INFO), or confirm the ' +
        'policy with your provider ' +
        'and turn the check off (skipEvictionPolicyCheck).',
    );
  }
  if (reading.policy !== 'noeviction') {
    const source = reading.configRefused
      ? ` (read from INFO, because CONFIG GET is not allowed here: ${reading.configRefused})`
      : '';
    const fix = reading.configRefused
      ? "Set maxmemory-policy to noeviction in your Redis provider's settings."
      : 'Set maxmemory-policy noeviction (CONFIG SET maxmemory-policy noeviction, and in redis.conf).';
    throw new Error(
      `${where} uses maxmemory-policy ${reading.policy}${source}; Waybill needs noeviction, because an evicted ` +
        `job is a lost order. ${fix}`,
    );
  }
}
