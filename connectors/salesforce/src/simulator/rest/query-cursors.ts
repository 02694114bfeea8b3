import { makeId } from '../data/ids.js';
import { badRequest } from '../errors.js';

/**
 * Open query cursors. A query with more rows than its batch answers the first batch, `done:
 * false` and a `nextRecordsUrl` of the form `/services/data/v60.0/query/01gWb…-2000` (locator
 * and offset of the next batch); the rest is kept here until read to the end. The rows are
 * fixed when the query runs, as with Salesforce's server-side cursors.
 */

/**
 * One page of a query answer.
 *
 * @example
 * const page: QueryPage = { totalSize: 5, done: false, nextRecordsUrl: '/services/data/v60.0/query/01gWb0000000001IAA-2', records: [] };
 */
export interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: unknown[];
}

interface Cursor {
  records: unknown[];
  batchSize: number;
}

export class QueryCursors {
  private cursors = new Map<string, Cursor>();
  private counter = 0;

  /** The first page of a query's rendered rows, opening a cursor when more remain. */
  first(version: string, records: unknown[], batchSize: number): QueryPage {
    if (records.length <= batchSize) return { totalSize: records.length, done: true, records };
    this.counter += 1;
    const locator = makeId('01g', this.counter);
    this.cursors.set(locator, { records, batchSize });
    return this.page(version, locator, 0);
  }

  /** The page at `<locator>-<offset>`; INVALID_QUERY_LOCATOR for an unknown or finished cursor. */
  next(version: string, locatorAndOffset: string): QueryPage {
    const match = /^([a-zA-Z0-9]{18})-(\d+)$/.exec(locatorAndOffset);
    const cursor = match ? this.cursors.get(match[1] ?? '') : undefined;
    const offset = Number(match?.[2] ?? Number.NaN);
    if (!match || !cursor || offset > cursor.records.length) {
      throw badRequest('INVALID_QUERY_LOCATOR', 'invalid query locator');
    }
    return this.page(version, match[1] ?? '', offset);
  }

  clear(): void {
    this.cursors.clear();
  }

  private page(version: string, locator: string, offset: number): QueryPage {
    const cursor = this.cursors.get(locator);
    if (!cursor) throw badRequest('INVALID_QUERY_LOCATOR', 'invalid query locator');
    const end = offset + cursor.batchSize;
    const records = cursor.records.slice(offset, end);
    const done = end >= cursor.records.length;
    if (done) this.cursors.delete(locator);
    return {
      totalSize: cursor.records.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${locator}-${end}` }),
      records,
    };
  }
}
