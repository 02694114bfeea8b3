import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { CachedSqliteDialect } from './sqlite-driver.js';
import type { StoreDialect } from './store-types.js';

export interface DatabaseOptions {
  databaseUrl?: string;
  sqlitePath?: string;
  pgSchema?: string;
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: StoreDialect;
  /** PostgreSQL: the schema our tables live in. */
  schema?: string;
  /** SQLite: commits made through this connection so far. */
  commits?: () => number;
}

export const DEFAULT_SQLITE_PATH = './data/waybill.db';
const PG_INT8_OID = 20;
// Lower case only: the search_path start-up option folds names to lower case, "create schema" keeps them quoted.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens the database a Store runs on: PostgreSQL for a postgres:// URL, otherwise a SQLite file.
 *
 * @example
 * const { db, dialect } = await openDatabase({ sqlitePath: ':memory:' });
 */
export async function openDatabase(options: DatabaseOptions): Promise<OpenedDatabase> {
  const url = options.databaseUrl?.trim();
  if (url && /^postgres(ql)?:\/\//i.test(url)) return openPostgres(url, options.pgSchema);
  if (url) {
    const path = /^(sqlite|file):/i.exec(url) ? url.replace(/^(sqlite|file):(\/\/)?/i, '') : undefined;
    if (!path) {
      throw new Error(
        `The database URL must start with postgres:// (or sqlite: for a SQLite file); "${url.split(':')[0]}:" is not supported.`,
      );
    }
    return openSqlite(path);
  }
  return openSqlite(options.sqlitePath ?? DEFAULT_SQLITE_PATH);
}

function openSqlite(path: string): OpenedDatabase {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const database = new BetterSqlite3(inMemory ? ':memory:' : path);
  try {
    // WAL lets readers run while a write commits; NORMAL skips the fsync per commit, which WAL
    // makes safe against corruption (a power cut may lose the last commits, never the file).
    if (!inMemory) database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    database.close();
    throw error;
  }
  const commits = { count: 0 };
  return {
    db: new Kysely<Database>({ dialect: new CachedSqliteDialect(database, commits) }),
    dialect: 'sqlite',
    commits: () => commits.count,
  };
}

async function openPostgres(url: string, schema: string | undefined): Promise<OpenedDatabase> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(
      `The PostgreSQL schema name "${schema}" must be lower-case letters, digits and underscores, not starting with a digit.`,
    );
  }
  if (schema) await createSchema(url, schema);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Set at connection start-up, so every pooled connection resolves our tables in the schema
    // before its first query (a 'connect' listener is not awaited by the pool).
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    // Counts and identity ids are int8; they fit in a JS number long before they overflow. Set
    // per pool, not on pg.types, so other pg users in the process keep their parsers.
    types: { getTypeParser: int8AsNumber },
  });
  // An idle connection that dies (database restart) emits 'error' on the pool; without a listener
  // that would crash the process. The pool drops the connection and the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const { rows } = await pool.query<{ schema: string | null }>('select current_schema() as schema');
    return { db, dialect: 'postgres', schema: rows[0]?.schema ?? 'public' };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

const int8AsNumber = ((oid: number, format?: 'text' | 'binary') =>
  oid === PG_INT8_OID && format !== 'binary'
    ? (value: string) => Number(value)
    : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser;

async function createSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema if not exists "${schema}"`);
  } catch (error) {
    // Two stores creating the same schema at once: "if not exists" can still lose the race.
    if ((error as { code?: string }).code !== '23505' && (error as { code?: string }).code !== '42P06')
      throw error;
  } finally {
    await client.end();
  }
}
