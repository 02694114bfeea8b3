import { Type } from '@sinclair/typebox';
import { defineTrigger, type PolledItem } from '@waybill/connector-kit';
import type { SalesforceClient } from '../client/rest-client.js';
import { queryAll } from '../operations/query.js';
import { SALESFORCE_CREDENTIAL, salesforceFor } from '../operations/support/salesforce.js';
import { ApiNameSchema, ObjectNameSchema } from '../operations/support/schemas.js';
import { parseSalesforceDateTime, soqlDateTime, soqlString } from '../soql.js';

/**
 * Where a poll stopped: the timestamp (as Salesforce wrote it) and Id of the last record handed
 * out; an empty id means nothing of that second was handed out yet.
 *
 * @example
 * const cursor: RecordChangedCursor = { lastModified: '2026-03-02T09:05:00.000+0000', id: '001Wb0000000003IAA' };
 */
export interface RecordChangedCursor {
  lastModified: string;
  id: string;
}

const EPOCH: RecordChangedCursor = { lastModified: '1970-01-01T00:00:00.000+0000', id: '' };

/**
 * Config of `salesforce.recordChanged`.
 *
 * @example
 * const config = { object: 'Order', fields: ['OrderNumber', 'Status'], where: "Status = 'Activated'", batchSize: 200 };
 */
export const RecordChangedConfigSchema = Type.Object(
  {
    object: ObjectNameSchema,
    fields: Type.Optional(
      Type.Array(ApiNameSchema, {
        description: 'Fields in each payload; Id and the timestamp field always.',
      }),
    ),
    where: Type.Optional(
      Type.String({
        minLength: 1,
        description: "A SOQL condition ANDed to the change filter, e.g. Status = 'Activated'.",
      }),
    ),
    timestampField: Type.Optional(
      Type.Union([Type.Literal('LastModifiedDate'), Type.Literal('SystemModstamp')], {
        default: 'LastModifiedDate',
        description:
          'LastModifiedDate: changes by users and integrations; SystemModstamp: also changes by Salesforce itself (indexed).',
      }),
    ),
    batchSize: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 2000,
        default: 200,
        description: 'Records handed out per poll at most.',
      }),
    ),
    startAt: Type.Optional(
      Type.Union([Type.Literal('now'), Type.Literal('beginning')], {
        default: 'now',
        description: 'now: only changes after the first poll; beginning: every existing record first.',
      }),
    ),
    intervalSeconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 86_400, default: 60 })),
  },
  { additionalProperties: false },
);

/**
 * `salesforce.recordChanged`: starts the flow once per record of an object created or changed
 * since the last poll, oldest change first. Salesforce stores timestamps to the second, so many
 * records share one; the cursor is (timestamp, Id) and each poll asks for
 * `ts > cursor OR (ts = cursor AND Id > cursor.id)` ordered by both, which never skips a record of
 * the cursor's second and never hands one out twice. Dedupe key `<Id>@<timestamp>`: one change
 * runs once, every later change runs again. One query per poll (more when Salesforce pages).
 *
 * @example
 * { "type": "salesforce.recordChanged", "credential": "sf-prod",
 *   "config": { "object": "Order", "fields": ["OrderNumber", "Status", "Waybill_Key__c"], "where": "Status = 'Activated'" } }
 */
export const recordChangedTrigger = defineTrigger({
  type: 'salesforce.recordChanged',
  title: 'Salesforce record changed',
  description:
    'Starts the flow for every record of a Salesforce object created or changed since the last poll.',
  configSchema: RecordChangedConfigSchema,
  credential: SALESFORCE_CREDENTIAL,
  defaultIntervalSeconds: 60,
  async poll(ctx) {
    const salesforce = salesforceFor(ctx);
    const { object, where } = ctx.config;
    const ts = ctx.config.timestampField ?? 'LastModifiedDate';
    const batch = ctx.config.batchSize ?? 200;
    const fields = [...new Set(['Id', ts, ...(ctx.config.fields ?? [])])];
    const base = where ? `(${where})` : undefined;

    const previous = cursorOf(ctx.cursor);
    if (previous === undefined && (ctx.config.startAt ?? 'now') === 'now') {
      return { items: [], cursor: await latest(salesforce, object, ts, base) };
    }
    const cursor = previous ?? EPOCH;
    const soql = `SELECT ${fields.join(', ')} FROM ${object} WHERE ${[base, after(ts, cursor)].filter(Boolean).join(' AND ')} ORDER BY ${ts} ASC, Id ASC LIMIT ${batch}`;
    const { records } = await queryAll(salesforce, soql, { maxPages: 100, maxRecords: batch });

    const items: PolledItem[] = [];
    let next = cursor;
    for (const record of records) {
      const id = typeof record.Id === 'string' ? record.Id : '';
      const stamp = typeof record[ts] === 'string' ? String(record[ts]) : '';
      const { attributes: _attributes, ...fieldsOnly } = record;
      items.push({
        payload: { object, id, lastModified: stamp, record: fieldsOnly },
        dedupeKey: `${id}@${stamp}`,
      });
      if (id && parseSalesforceDateTime(stamp) !== undefined) next = { lastModified: stamp, id };
    }
    return { items, cursor: next };
  },
});

/** The condition for "after the cursor" in (timestamp, Id) order. */
function after(ts: string, cursor: RecordChangedCursor): string {
  const at = soqlDateTime(cursor.lastModified);
  if (cursor.id === '') return `${ts} >= ${at}`;
  return `(${ts} > ${at} OR (${ts} = ${at} AND Id > ${soqlString(cursor.id)}))`;
}

/** The cursor at the newest record, so that "now" starts after everything already there. */
async function latest(
  salesforce: SalesforceClient,
  object: string,
  ts: string,
  base: string | undefined,
): Promise<RecordChangedCursor> {
  const soql = `SELECT Id, ${ts} FROM ${object}${base ? ` WHERE ${base}` : ''} ORDER BY ${ts} DESC, Id DESC LIMIT 1`;
  const [newest] = (await queryAll(salesforce, soql, { maxPages: 1, maxRecords: 1 })).records;
  const stamp = newest?.[ts];
  const id = newest?.Id;
  return typeof stamp === 'string' && typeof id === 'string' && parseSalesforceDateTime(stamp) !== undefined
    ? { lastModified: stamp, id }
    : EPOCH;
}

/**
 * The cursor a previous poll stored, or undefined on the first poll (or an unreadable one).
 *
 * @example
 * cursorOf({ lastModified: '2026-03-02T09:05:00.000+0000', id: '001Wb0000000003IAA' }); // the same cursor
 * cursorOf('garbage');                                                                  // undefined
 */
export function cursorOf(value: unknown): RecordChangedCursor | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const lastModified = 'lastModified' in value ? value.lastModified : undefined;
  const id = 'id' in value ? value.id : undefined;
  if (typeof lastModified !== 'string' || parseSalesforceDateTime(lastModified) === undefined)
    return undefined;
  if (typeof id !== 'string' || !/^([A-Za-z0-9]{15}|[A-Za-z0-9]{18})?$/.test(id)) return undefined;
  return { lastModified, id };
}
