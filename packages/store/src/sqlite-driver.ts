import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

/**
 * Kysely's SQLite dialect with two changes that matter for Waybill:
 * - prepared statements are cached by SQL text (Kysely prepares every query anew, which costs
 *   more than the insert itself on the webhook hot path);
 * - transactions start with BEGIN IMMEDIATE, so a transaction that reads before it writes takes
 *   the write lock up front and waits (busy_timeout) instead of failing with SQLITE_BUSY when
 *   another process holds the file.
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new CachedSqliteDialect(new BetterSqlite3('x.db')) });
 */
export class CachedSqliteDialect implements Dialect {
  readonly #database: BetterSqlite3.Database;
  readonly #commits: CommitCounter;

  constructor(database: BetterSqlite3.Database, commits: CommitCounter = { count: 0 }) {
    this.#database = database;
    this.#commits = commits;
  }

  createDriver(): Driver {
    return new CachedSqliteDriver(this.#database, this.#commits);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

const STATEMENT_CACHE_SIZE = 256;

/** Commits made so far: transactions, and writes outside one (each of which commits on its own). */
export interface CommitCounter {
  count: number;
}

class CachedSqliteDriver implements Driver {
  readonly #database: BetterSqlite3.Database;
  readonly #connection: CachedSqliteConnection;
  readonly #mutex = new ConnectionMutex();

  constructor(database: BetterSqlite3.Database, commits: CommitCounter) {
    this.#database = database;
    this.#connection = new CachedSqliteConnection(database, commits);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection: whoever holds it has the database to itself until release.
    await this.#mutex.lock();
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async destroy(): Promise<void> {
    this.#database.close();
  }
}

class CachedSqliteConnection implements DatabaseConnection {
  readonly #database: BetterSqlite3.Database;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  readonly #commits: CommitCounter;

  constructor(database: BetterSqlite3.Database, commits: CommitCounter) {
    this.#database = database;
    this.#commits = commits;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#prepare(compiledQuery.sql);
    const parameters = compiledQuery.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(...parameters) as R[] };
    const opensTransaction = compiledQuery.sql.startsWith('begin');
    if (compiledQuery.sql === 'commit' || (!this.#database.inTransaction && !opensTransaction))
      this.#commits.count += 1;
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const statement = this.#prepare(compiledQuery.sql);
    for (const row of statement.iterate(...(compiledQuery.parameters as unknown[])))
      yield { rows: [row as R] };
  }

  #prepare(text: string): BetterSqlite3.Statement {
    const cached = this.#statements.get(text);
    if (cached) {
      // Re-insert so the Map's order doubles as least-recently-used order.
      this.#statements.delete(text);
      this.#statements.set(text, cached);
      return cached;
    }
    const statement = this.#database.prepare(text);
    this.#statements.set(text, statement);
    if (this.#statements.size > STATEMENT_CACHE_SIZE) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    return statement;
  }
}

class ConnectionMutex {
  #locked = false;
  readonly #waiting: Array<() => void> = [];

  async lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  unlock(): void {
    const next = this.#waiting.shift();
    // Hand the lock straight to the next waiter so nobody can cut in between.
    if (next) next();
    else this.#locked = false;
  }
}
