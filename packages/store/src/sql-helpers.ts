import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * Escapes LIKE wildcards in user text; used with `escape '\'`, which both dialects accept.
 *
 * @example
 * escapeLike('50%_off'); // '50\\%\\_off'
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}

/**
 * Case-insensitive "contains" over a text column. lower() on both sides, because LIKE is
 * case-insensitive on SQLite (ASCII) but case-sensitive on PostgreSQL.
 *
 * @example
 * eb.or([containsIgnoringCase(sql.ref('id'), 'ABC')]);
 */
export function containsIgnoringCase(column: Expression<unknown>, text: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${column}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}

/**
 * Case-sensitive prefix match that means the same on both dialects (SQLite's LIKE ignores ASCII
 * case, PostgreSQL's does not), counted in code points as both substr() functions do.
 *
 * @example
 * startsWith(sql.ref('business_key'), 'SO-10');
 */
export function startsWith(column: Expression<unknown>, prefix: string): Expression<SqlBool> {
  return sql<SqlBool>`substr(${column}, 1, ${[...prefix].length}) = ${prefix}`;
}
