import { join, resolve } from 'node:path';
import { looksLike } from '../auth/secret-tokens.js';
import { type AuthSettings, defaultAuth } from '../server-deps.js';

/** Everything Waybill reads from its environment, parsed and checked once at start. */
export interface WaybillConfig {
  port: number;
  host: string;
  /** SQLite file, key file and other local state live here. */
  dataDir: string;
  /** postgres://… to use PostgreSQL instead of SQLite. */
  databaseUrl: string | undefined;
  /** redis://… to use BullMQ instead of the embedded queue. */
  redisUrl: string | undefined;
  /** Base64 or hex of 32 bytes; otherwise a key file in dataDir is used (created on first start). */
  secretKey: string | undefined;
  /** Executions run at once by each worker. */
  workerConcurrency: number;
  maxBodyBytes: number;
  maxQueueDepth: number;
  /** Seconds a stopping worker waits for running executions before handing them back. */
  shutdownGraceSeconds: number;
  /** How often workers report they are alive; an execution is taken over after four missed beats. */
  heartbeatMs: number;
  /** Browser origins allowed to call the API from other sites; none by default (CORS closed). */
  corsOrigins: string[];
  /** The first admin's email, created on the first start with an empty database. */
  adminEmail: string;
  /**
   * An API token (wbt_…) to give the first admin instead of printing a one-time password, for
   * unattended installs and CI. Ignored once any user exists.
   */
  bootstrapToken: string | undefined;
  auth: AuthSettings;
  /** The built studio to serve at /; absent when it is not wanted (API-only servers). */
  studioDir: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration from environment variables, with defaults for the embedded setup.
 *
 * @example
 * const config = parseConfig(process.env); // { port: 3000, databaseUrl: undefined, … }
 */
export function parseConfig(
  env: Record<string, string | undefined>,
  overrides: Partial<WaybillConfig> = {},
): WaybillConfig {
  const config: WaybillConfig = {
    port: integer(env, 'PORT', 3000, 0, 65_535),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: resolve(env.WAYBILL_DATA_DIR?.trim() || 'data'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    secretKey: env.WAYBILL_SECRET_KEY?.trim() || undefined,
    workerConcurrency: integer(env, 'WAYBILL_WORKER_CONCURRENCY', 8, 1, 256),
    maxBodyBytes: integer(env, 'WAYBILL_MAX_BODY_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    maxQueueDepth: integer(env, 'WAYBILL_MAX_QUEUE_DEPTH', 100_000, 1, 100_000_000),
    shutdownGraceSeconds: integer(env, 'WAYBILL_SHUTDOWN_GRACE_SECONDS', 30, 0, 3600),
    heartbeatMs: integer(env, 'WAYBILL_HEARTBEAT_MS', 5000, 100, 600_000),
    corsOrigins: origins(env, 'WAYBILL_CORS_ORIGINS'),
    adminEmail: email(env, 'WAYBILL_ADMIN_EMAIL', 'admin@localhost'),
    bootstrapToken: bootstrapToken(env, 'WAYBILL_BOOTSTRAP_TOKEN'),
    // The studio's build sits beside this package in the repository (and in the container image).
    studioDir: env.WAYBILL_STUDIO_DIR?.trim() || resolve(import.meta.dirname, '../../../studio/dist'),
    auth: {
      ...defaultAuth,
      sessionHours: integer(env, 'WAYBILL_SESSION_HOURS', defaultAuth.sessionHours, 1, 24 * 30),
      apiRequestsPerMinute: integer(
        env,
        'WAYBILL_API_RATE_LIMIT',
        defaultAuth.apiRequestsPerMinute,
        0,
        1_000_000,
      ),
      trustProxy: flag(env, 'WAYBILL_TRUST_PROXY'),
    },
  };
  return { ...config, ...overrides };
}

function integer(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${raw}".`);
  }
  return value;
}

function email(env: Record<string, string | undefined>, name: string, fallback: string): string {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (!/^[^\s@]+@[^\s@]+$/.test(raw))
    throw new ConfigError(`${name} must be an email address; it is "${raw}".`);
  return raw;
}

function bootstrapToken(env: Record<string, string | undefined>, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (!looksLike('api-token', raw)) {
    throw new ConfigError(
      `${name} must be an API token: wbt_ followed by 43 characters of base64url (32 random bytes), e.g. wbt_$(openssl rand 32 | basenc --base64url | tr -d =).`,
    );
  }
  return raw;
}

function flag(env: Record<string, string | undefined>, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return false;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false; it is "${raw}".`);
}

function url(env: Record<string, string | undefined>, name: string, protocols: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL; expected something like ${protocols[0]}//host:port.`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(
      `${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}; it starts with ${parsed.protocol}//.`,
    );
  }
  return raw;
}

/** A comma-separated list of exact origins (scheme, host and port), e.g. https://studio.example.com. */
function origins(env: Record<string, string | undefined>, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  return raw.split(',').map((entry) => {
    const text = entry.trim();
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      throw new ConfigError(
        `${name} lists "${text}", which is not an origin like https://studio.example.com.`,
      );
    }
    if (
      parsed.origin !== text.replace(/\/$/, '') ||
      (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    ) {
      throw new ConfigError(
        `${name} lists "${text}"; give only scheme, host and port, e.g. https://studio.example.com.`,
      );
    }
    return parsed.origin;
  });
}

/**
 * Where the store lives for a configuration: PostgreSQL when DATABASE_URL is set, else the SQLite
 * file in the data directory; and the key file beside it. Shared by the server, workers and the
 * `waybill keys` command so they always open the same database.
 *
 * @example
 * await openStore({ ...storeLocation(config), secretKey });
 */
export function storeLocation(config: WaybillConfig): { databaseUrl: string } | { sqlitePath: string } {
  return config.databaseUrl
    ? { databaseUrl: config.databaseUrl }
    : { sqlitePath: join(config.dataDir, 'waybill.db') };
}

/**
 * The key file holding the master keys when WAYBILL_SECRET_KEY is not set.
 *
 * @example
 * await loadSecretKeys({ env: config.secretKey, keyFile: keyFileOf(config) });
 */
export function keyFileOf(config: WaybillConfig): string {
  return join(config.dataDir, 'secret.key');
}
