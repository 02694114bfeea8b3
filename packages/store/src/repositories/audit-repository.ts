import { decodeCursor, encodeCursor, pageLimit } from '../paging.js';
import { toAuditEvent, toJson } from '../row-mapping.js';
import type { StoreContext } from '../store-context.js';
import type { AuditRepository } from '../store-types.js';
import { isoTimestamp } from '../timestamps.js';

/**
 * Append-only record of who changed what. There is deliberately no update or delete.
 *
 * @example
 * await audit.append({ actor: 'ana', action: 'flow.deploy', targetType: 'flow', targetId: 'orders' });
 */
export function createAuditRepository(context: StoreContext): AuditRepository {
  const { db } = context;

  return {
    async append(event) {
      await db
        .insertInto('audit_events')
        .values({
          at: context.nowIso(),
          actor: event.actor,
          action: event.action,
          target_type: event.targetType ?? null,
          target_id: event.targetId ?? null,
          details: toJson(event.details),
        })
        .execute();
    },

    async list(filter, page) {
      const limit = pageLimit(page?.limit);
      const before = page?.cursor ? decodeCursor(page.cursor, ['number'] as const)[0] : undefined;
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .$if(filter.actor !== undefined, (qb) => qb.where('actor', '=', filter.actor!))
        .$if(filter.action !== undefined, (qb) => qb.where('action', '=', filter.action!))
        .$if(filter.targetId !== undefined, (qb) => qb.where('target_id', '=', filter.targetId!))
        .$if(filter.from !== undefined, (qb) => qb.where('at', '>=', isoTimestamp(filter.from!, 'from')))
        .$if(filter.to !== undefined, (qb) => qb.where('at', '<', isoTimestamp(filter.to!, 'to')))
        .$if(before !== undefined, (qb) => qb.where('id', '<', before!))
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const items = rows.slice(0, limit).map(toAuditEvent);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
    },
  };
}
