import type { StoreDialect } from './store-types.js';

/**
 * Precompiled SQL for the statements every execution runs (claims, step upserts, finish, job
 * lease and completion). On that path Kysely's building — parsing the builder calls, visiting and
 * compiling the tree, freezing every node — costs more CPU than SQLite takes to run the statement,
 * so those statements are written once as text and only their parameters are built per call.
 * They still run through Kysely's `executeQuery`, so inside `db.transaction()` they use the
 * transaction's connection.
 *
 * The text is written with `?` placeholders (no `?` may appear anywhere else in it) and numbered
 * `$1…` once for PostgreSQL: `CompiledQuery.raw` hands text and parameters to the driver as they are.
 * A call then costs `db.executeQuery(CompiledQuery.raw(text, parameters))`.
 */

/**
 * The statement text in the dialect's own placeholder syntax.
 *
 * @example
 * inDialect('postgres', 'delete from jobs where id in (?, ?)'); // 'delete from jobs where id in ($1, $2)'
 */
export function inDialect(dialect: StoreDialect, text: string): string {
  if (dialect === 'sqlite') return text;
  let position = 0;
  return text.replace(/\?/g, () => `$${++position}`);
}

/**
 * `count` placeholders separated by commas, for `in (…)` lists and value tuples.
 *
 * @example
 * placeholders(3); // '?, ?, ?'
 */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/**
 * Statements whose text depends on a small key (how many ids, how many rows): each text is built
 * and numbered for the dialect the first time that key is used, then reused.
 *
 * @example
 * const complete = statementsBy('postgres', (count: number) => `delete from jobs where id in (${placeholders(count)})`);
 * complete(2); // 'delete from jobs where id in ($1, $2)'
 */
export function statementsBy<K>(dialect: StoreDialect, build: (key: K) => string): (key: K) => string {
  const built = new Map<K, string>();
  return (key) => {
    let text = built.get(key);
    if (text === undefined) {
      text = inDialect(dialect, build(key));
      built.set(key, text);
    }
    return text;
  };
}
