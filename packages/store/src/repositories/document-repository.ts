import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AckStatus, DocumentMeta, DocumentRepository } from '../document-types.js';
import { decodeCursor, encodeCursor, pageLimit } from '../paging.js';
import type { DocumentsTable } from '../schema.js';
import type { StoreContext } from '../store-context.js';

const META_COLUMNS = [
  'id',
  'execution_id',
  'node_id',
  'step_key',
  'flow_id',
  'direction',
  'file_name',
  'content_type',
  'size',
  'sha256',
  'partner',
  'standard',
  'interchange_control',
  'group_controls',
  'ack_status',
  'ack_due_at',
  'acknowledged_at',
  'ack_execution_id',
  'created_at',
] as const;

type MetaRow = Pick<Selectable<DocumentsTable>, (typeof META_COLUMNS)[number]>;

/**
 * Interchanges received and sent, kept as the exact bytes with the execution that handled them.
 * A step that runs again (retry, resume after a crash) records the same (step, ordinal) and gets
 * the first row back, so history holds each document once.
 *
 * @example
 * const meta = await store.documents.record({ executionId, nodeId: 'send', stepKey: 'send', ordinal: 0, direction: 'outbound', fileName: '17.x12', contentType: 'application/edi-x12', content });
 */
export function createDocumentRepository(context: StoreContext): DocumentRepository {
  const { db } = context;
  const byStep = (executionId: string, stepKey: string, ordinal: number) =>
    db
      .selectFrom('documents')
      .select(META_COLUMNS)
      .where('execution_id', '=', executionId)
      .where('step_key', '=', stepKey)
      .where('ordinal', '=', ordinal)
      .executeTakeFirst();

  return {
    async record(document) {
      const content = Buffer.from(document.content);
      await db
        .insertInto('documents')
        .values({
          id: `doc_${Date.now().toString(36)}${randomBytes(6).toString('hex')}`,
          execution_id: document.executionId,
          node_id: document.nodeId,
          step_key: document.stepKey,
          ordinal: document.ordinal,
          flow_id: document.flowId ?? null,
          direction: document.direction,
          file_name: document.fileName,
          content_type: document.contentType,
          content,
          size: content.byteLength,
          sha256: createHash('sha256').update(content).digest('hex'),
          partner: document.partner ?? null,
          standard: document.standard ?? null,
          interchange_control: document.interchangeControl ?? null,
          group_controls: document.groupControls ? JSON.stringify(document.groupControls) : null,
          ack_status: document.ackDueAt ? 'pending' : null,
          ack_due_at: document.ackDueAt ?? null,
          acknowledged_at: null,
          ack_execution_id: null,
          created_at: context.nowIso(),
        })
        .onConflict((oc) => oc.columns(['execution_id', 'step_key', 'ordinal']).doNothing())
        .execute();
      const row = await byStep(document.executionId, document.stepKey, document.ordinal);
      if (!row) throw new Error(`The document of step ${document.stepKey} was not stored.`);
      return toMeta(row);
    },

    async get(id) {
      const row = await db
        .selectFrom('documents')
        .select(META_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toMeta(row) : undefined;
    },

    async content(id) {
      const row = await db.selectFrom('documents').select('content').where('id', '=', id).executeTakeFirst();
      return row ? Buffer.from(row.content) : undefined;
    },

    async list(filter, page) {
      const limit = pageLimit(page?.limit);
      const after = page?.cursor ? decodeCursor(page.cursor, ['string', 'string'] as const) : undefined;
      const now = context.nowIso();
      const rows = await db
        .selectFrom('documents')
        .select(META_COLUMNS)
        .$if(filter.executionId !== undefined, (qb) =>
          qb.where('execution_id', '=', filter.executionId ?? ''),
        )
        .$if(filter.partner !== undefined, (qb) => qb.where('partner', '=', filter.partner ?? ''))
        .$if(filter.direction !== undefined, (qb) => qb.where('direction', '=', filter.direction ?? ''))
        .$if(filter.ack === 'overdue', (qb) =>
          qb.where('ack_status', '=', 'pending').where('ack_due_at', '<', now),
        )
        .$if(filter.ack !== undefined && filter.ack !== 'overdue', (qb) =>
          qb.where('ack_status', '=', filter.ack ?? ''),
        )
        .$if(filter.control !== undefined, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb('interchange_control', '=', filter.control ?? ''),
              eb('group_controls', 'like', `%${JSON.stringify(filter.control ?? '')}%`),
            ]),
          ),
        )
        .$if(after !== undefined, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb('created_at', '<', after?.[0] ?? ''),
              eb.and([eb('created_at', '=', after?.[0] ?? ''), eb('id', '<', after?.[1] ?? '')]),
            ]),
          ),
        )
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const items = rows.slice(0, limit).map(toMeta);
      const last = items.at(-1);
      return {
        items,
        nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null,
      };
    },

    async acknowledge(ack) {
      const result = await db
        .updateTable('documents')
        .set({ ack_status: ack.status, acknowledged_at: context.nowIso(), ack_execution_id: ack.executionId })
        .where('partner', '=', ack.partner)
        .where('direction', '=', 'outbound')
        .where('ack_status', 'is not', null)
        .$if(ack.groupControl !== undefined, (qb) =>
          qb.where('group_controls', 'like', `%${JSON.stringify(ack.groupControl ?? '')}%`),
        )
        .$if(ack.interchangeControl !== undefined, (qb) =>
          qb.where('interchange_control', '=', ack.interchangeControl ?? ''),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async countOverdue() {
      const row = await db
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('ack_status', '=', 'pending')
        .where('ack_due_at', '<', context.nowIso())
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
  };
}

function toMeta(row: MetaRow): DocumentMeta {
  return {
    id: row.id,
    executionId: row.execution_id,
    nodeId: row.node_id,
    stepKey: row.step_key,
    flowId: row.flow_id,
    direction: row.direction === 'inbound' ? 'inbound' : 'outbound',
    fileName: row.file_name,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    partner: row.partner,
    standard: row.standard,
    interchangeControl: row.interchange_control,
    groupControls: row.group_controls ? (JSON.parse(row.group_controls) as string[]) : [],
    ackStatus: ackStatusOf(row.ack_status),
    ackDueAt: row.ack_due_at,
    acknowledgedAt: row.acknowledged_at,
    ackExecutionId: row.ack_execution_id,
    createdAt: row.created_at,
  };
}

const ACK_STATUSES: readonly AckStatus[] = [
  'pending',
  'accepted',
  'accepted-with-errors',
  'partially-accepted',
  'rejected',
];

function ackStatusOf(value: string | null): AckStatus | null {
  return ACK_STATUSES.find((status) => status === value) ?? null;
}
