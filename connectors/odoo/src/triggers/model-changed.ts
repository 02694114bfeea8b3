import { Type } from '@sinclair/typebox';
import { defineTrigger, type PolledItem } from '@waybill/connector-kit';
import type { OdooClient } from '../client/odoo-client.js';
import { idOf, isRecord, type OdooRecord, recordsOf, textOf } from '../mapping/odoo-values.js';
import { DomainSchema, ModelNameSchema } from '../operations/support/generic-schemas.js';
import { ODOO_CREDENTIAL, odooFor } from '../operations/support/odoo.js';

/**
 * Where a poll stopped: the write date (Odoo's UTC text, second precision) and id of the last
 * record handed out.
 *
 * @example
 * const cursor: ModelChangedCursor = { writeDate: '2025-03-02 08:14:05', id: 42 };
 */
export interface ModelChangedCursor {
  writeDate: string;
  id: number;
}

const EPOCH: ModelChangedCursor = { writeDate: '1970-01-01 00:00:00', id: 0 };

/**
 * Config of `odoo.modelChanged`.
 *
 * @example
 * const config = { model: 'sale.order', domain: [['state', '=', 'sale']], fields: ['name', 'state'], batchSize: 100 };
 */
export const ModelChangedConfigSchema = Type.Object(
  {
    model: ModelNameSchema,
    domain: Type.Optional(DomainSchema),
    fields: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: 'Fields in each payload; id and write_date always.',
      }),
    ),
    batchSize: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1000,
        default: 100,
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
 * `odoo.modelChanged`: starts the flow once per record of a model created or changed since the
 * last poll, oldest change first. The cursor is (write_date, id). Odoo reads write_date to the
 * second while it stores microseconds and sorts by them, so each second is walked in id order:
 * records sharing the cursor's second with a greater id are never skipped, and a batch never
 * ends in the middle of a second it has not fully walked. Each payload's dedupe key is
 * `<model>:<id>@<write_date>`, so one change never runs twice and every later change runs again.
 *
 * @example
 * { "type": "odoo.modelChanged", "credential": "odoo-main",
 *   "config": { "model": "stock.picking", "domain": [["state", "=", "done"]], "fields": ["name", "origin"] } }
 */
export const modelChangedTrigger = defineTrigger({
  type: 'odoo.modelChanged',
  title: 'Odoo record changed',
  description:
    'Starts the flow for every record of an Odoo model that was created or changed since the last poll.',
  configSchema: ModelChangedConfigSchema,
  credential: ODOO_CREDENTIAL,
  defaultIntervalSeconds: 60,
  async poll(ctx) {
    const odoo = odooFor(ctx);
    const { model } = ctx.config;
    const base: unknown[] = ctx.config.domain ?? [];
    const fields = [...new Set(['id', 'write_date', ...(ctx.config.fields ?? [])])];
    const batch = ctx.config.batchSize ?? 100;
    const read = (domain: unknown[], order: string, limit: number) =>
      odoo.call(model, 'search_read', { domain: [...base, ...domain], fields, order, limit }).then(recordsOf);

    const previous = cursorOf(ctx.cursor);
    if (previous === undefined && (ctx.config.startAt ?? 'now') === 'now') {
      return { items: [], cursor: await latest(odoo, model, base) };
    }
    let cursor = previous ?? EPOCH;
    const found: OdooRecord[] = [];

    // Rest of the cursor's own second, in id order.
    const sameSecond = await read(withinSecond(cursor), 'id asc', batch);
    found.push(...sameSecond);
    const lastSame = sameSecond.at(-1);
    if (lastSame) cursor = { writeDate: cursor.writeDate, id: idOf(lastSame) };

    const room = batch - found.length;
    if (room > 0) {
      const later = await read(
        [['write_date', '>=', nextSecond(cursor.writeDate)]],
        'write_date asc, id asc',
        room,
      );
      const lastSecond = later.length > 0 ? secondOf(later.at(-1)) : undefined;
      // A full page may end inside a second; only seconds before it are known to be complete.
      const complete =
        later.length < room ? later : later.filter((record) => secondOf(record) !== lastSecond);
      if (complete.length > 0) {
        found.push(...complete);
        cursor = endOf(complete);
      } else if (lastSecond !== undefined) {
        const walked = await read(withinSecond({ writeDate: lastSecond, id: 0 }), 'id asc', room);
        found.push(...walked);
        const lastWalked = walked.at(-1);
        if (lastWalked) cursor = { writeDate: lastSecond, id: idOf(lastWalked) };
      }
    }

    const items: PolledItem[] = found.map((record) => {
      const writeDate = secondOf(record) ?? '';
      return {
        payload: { model, id: idOf(record), writeDate, record },
        dedupeKey: `${model}:${idOf(record)}@${writeDate}`,
      };
    });
    return { items, cursor };
  },
});

/** The cursor at the newest record, so that "now" starts after everything already there. */
async function latest(odoo: OdooClient, model: string, base: unknown[]): Promise<ModelChangedCursor> {
  const [newest] = recordsOf(
    await odoo.call(model, 'search_read', {
      domain: base,
      fields: ['id', 'write_date'],
      order: 'write_date desc, id desc',
      limit: 1,
    }),
  );
  const writeDate = newest ? secondOf(newest) : undefined;
  if (!newest || !writeDate) return EPOCH;
  // The newest write may not hold the highest id of its second (ids follow creation, not writes).
  const [highest] = recordsOf(
    await odoo.call(model, 'search_read', {
      domain: [...base, ...withinSecond({ writeDate, id: 0 })],
      fields: ['id'],
      order: 'id desc',
      limit: 1,
    }),
  );
  return { writeDate, id: highest ? idOf(highest) : idOf(newest) };
}

function withinSecond(cursor: ModelChangedCursor): unknown[] {
  return [
    ['write_date', '>=', cursor.writeDate],
    ['write_date', '<', nextSecond(cursor.writeDate)],
    ['id', '>', cursor.id],
  ];
}

function endOf(records: readonly OdooRecord[]): ModelChangedCursor {
  const lastSecond = secondOf(records.at(-1)) ?? EPOCH.writeDate;
  const ids = records.filter((record) => secondOf(record) === lastSecond).map(idOf);
  return { writeDate: lastSecond, id: Math.max(...ids) };
}

/** Odoo's write_date cut to the second ("YYYY-MM-DD HH:MM:SS"), the precision it reads at. */
function secondOf(record: OdooRecord | undefined): string | undefined {
  const text = record ? textOf(record, 'write_date') : undefined;
  return text?.slice(0, 19);
}

function nextSecond(writeDate: string): string {
  const at = Date.parse(`${writeDate.replace(' ', 'T')}Z`) + 1000;
  return new Date(at).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The cursor a previous poll stored, or undefined on the first poll (or an unreadable one).
 *
 * @example
 * cursorOf({ writeDate: '2025-03-02 08:14:05', id: 42 }); // { writeDate: '2025-03-02 08:14:05', id: 42 }
 * cursorOf('garbage');                                      // undefined
 */
export function cursorOf(value: unknown): ModelChangedCursor | undefined {
  if (!isRecord(value)) return undefined;
  const { writeDate, id } = value;
  if (typeof writeDate !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(writeDate))
    return undefined;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) return undefined;
  return { writeDate, id };
}
