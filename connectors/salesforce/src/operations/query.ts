import { Type } from '@sinclair/typebox';
import { defineOperation, userError } from '@waybill/connector-kit';
import type { SalesforceClient } from '../client/rest-client.js';
import { bindSoql } from '../soql.js';
import { SALESFORCE_CREDENTIAL, salesforceFor } from './support/salesforce.js';
import { RecordSchema } from './support/schemas.js';

/**
 * One page of a query answer as Salesforce sends it.
 *
 * @example
 * const page: QueryAnswer = { totalSize: 3, done: true, records: [] };
 */
export interface QueryAnswer {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Record<string, unknown>[];
}

/**
 * Runs a SOQL query and follows `nextRecordsUrl` until Salesforce says `done`, or until
 * `maxPages` pages or `maxRecords` records were read. It stops at page boundaries only, so the
 * `nextRecordsUrl` it hands back continues exactly where it stopped.
 *
 * @example
 * const result = await queryAll(salesforce, 'SELECT Id FROM Account', { maxPages: 5, maxRecords: 10_000 });
 * result.done; // true when every record was read
 */
export async function queryAll(
  salesforce: SalesforceClient,
  soql: string,
  limits: { maxPages: number; maxRecords: number; batchSize?: number },
): Promise<QueryAnswer & { pages: number }> {
  const headers = limits.batchSize ? { 'sforce-query-options': `batchSize=${limits.batchSize}` } : undefined;
  let page = pageOf(
    (
      await salesforce.request({
        method: 'GET',
        path: 'query',
        query: { q: soql },
        action: 'the query',
        idempotent: true,
        ...(headers ? { headers } : {}),
      })
    ).body,
  );
  const records = [...page.records];
  let pages = 1;
  while (!page.done && page.nextRecordsUrl && pages < limits.maxPages && records.length < limits.maxRecords) {
    const next = page.nextRecordsUrl;
    // nextRecordsUrl is a path on the same instance; anything else is not followed.
    if (!next.startsWith('/services/data/')) break;
    page = pageOf(
      (
        await salesforce.request({
          method: 'GET',
          path: next,
          action: 'reading the next page of the query',
          idempotent: true,
          ...(headers ? { headers } : {}),
        })
      ).body,
    );
    records.push(...page.records);
    pages += 1;
  }
  return {
    totalSize: page.totalSize,
    done: page.done,
    ...(page.done || !page.nextRecordsUrl ? {} : { nextRecordsUrl: page.nextRecordsUrl }),
    records,
    pages,
  };
}

/**
 * `salesforce.query`: runs a SOQL query and reads its pages. The query is the config's or the
 * input's; `:name` placeholders take `input.params.name` as escaped literals, so data never
 * becomes SOQL text. One call per page.
 *
 * @example
 * { "id": "find_account", "type": "salesforce.query", "credential": "sf-prod",
 *   "config": { "soql": "SELECT Id, Name FROM Account WHERE External_Id__c = :ref" } }
 * // input: { "params": { "ref": "CUST-0001" } }
 */
export const queryOperation = defineOperation({
  type: 'salesforce.query',
  title: 'Query records (SOQL)',
  description: 'Runs a SOQL query and returns its records, following Salesforce’s pages.',
  icon: 'database',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Reads only; repeating it changes nothing.',
  configSchema: Type.Object(
    {
      soql: Type.Optional(
        Type.String({ minLength: 1, description: 'SOQL with optional :name placeholders.' }),
      ),
      batchSize: Type.Optional(
        Type.Integer({
          minimum: 200,
          maximum: 2000,
          description: 'Records per page Salesforce is asked for (Sforce-Query-Options).',
        }),
      ),
      maxPages: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 10 })),
      maxRecords: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 10_000 })),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Union([
    Type.Null(),
    Type.Object(
      {
        soql: Type.Optional(Type.String({ minLength: 1, description: 'Replaces the configured query.' })),
        params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      },
      { additionalProperties: true },
    ),
  ]),
  outputSchema: Type.Object({
    records: Type.Array(RecordSchema),
    totalSize: Type.Integer(),
    done: Type.Boolean(),
    nextRecordsUrl: Type.Optional(Type.String()),
    pages: Type.Integer(),
  }),
  credential: SALESFORCE_CREDENTIAL,
  async run(ctx) {
    const text = ctx.input?.soql ?? ctx.config.soql;
    if (!text) {
      throw userError({
        code: 'SALESFORCE_NO_QUERY',
        message: 'The node has no SOQL query; write one in its settings or pass it as input.soql.',
      });
    }
    const soql = bindSoql(text, ctx.input?.params ?? {});
    return queryAll(salesforceFor(ctx), soql, {
      maxPages: ctx.config.maxPages ?? 10,
      maxRecords: ctx.config.maxRecords ?? 10_000,
      ...(ctx.config.batchSize ? { batchSize: ctx.config.batchSize } : {}),
    });
  },
});

/**
 * A query answer checked rather than cast.
 *
 * @example
 * pageOf({ totalSize: 0, done: true, records: [] }); // { totalSize: 0, done: true, records: [] }
 */
export function pageOf(body: unknown): QueryAnswer {
  if (typeof body !== 'object' || body === null || !('records' in body) || !Array.isArray(body.records)) {
    return { totalSize: 0, done: true, records: [] };
  }
  const records = body.records.filter(
    (record: unknown): record is Record<string, unknown> =>
      typeof record === 'object' && record !== null && !Array.isArray(record),
  );
  const totalSize =
    'totalSize' in body && typeof body.totalSize === 'number' ? body.totalSize : records.length;
  const done = !('done' in body) || body.done !== false;
  const next =
    'nextRecordsUrl' in body && typeof body.nextRecordsUrl === 'string' ? body.nextRecordsUrl : undefined;
  return { totalSize, done, ...(next ? { nextRecordsUrl: next } : {}), records };
}
