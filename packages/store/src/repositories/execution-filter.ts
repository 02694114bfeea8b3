import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../schema.js';
import { containsIgnoringCase, startsWith } from '../sql-helpers.js';
import type { ExecutionFilter } from '../store-types.js';
import { isoTimestamp } from '../timestamps.js';

/**
 * The WHERE clause of an execution search: every given field must hold. An empty status list
 * means "any status", as an absent one does.
 *
 * @example
 * db.selectFrom('executions').selectAll().where(executionFilter({ flowId: 'orders', status: 'failed' }));
 */
export function executionFilter(filter: ExecutionFilter) {
  return (eb: ExpressionBuilder<Database, 'executions'>): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [];
    if (filter.flowId !== undefined) conditions.push(eb('flow_id', '=', filter.flowId));
    if (filter.status !== undefined) {
      const statuses = Array.isArray(filter.status) ? filter.status : [filter.status];
      if (statuses.length > 0) conditions.push(eb('status', 'in', statuses));
    }
    if (filter.revisionHash !== undefined) conditions.push(eb('revision_hash', '=', filter.revisionHash));
    if (filter.from !== undefined) conditions.push(eb('queued_at', '>=', isoTimestamp(filter.from, 'from')));
    if (filter.to !== undefined) conditions.push(eb('queued_at', '<', isoTimestamp(filter.to, 'to')));
    if (filter.businessKey !== undefined) {
      const key = filter.businessKey;
      conditions.push(
        key.endsWith('*')
          ? startsWith(sql.ref('business_key'), key.slice(0, -1))
          : eb('business_key', '=', key),
      );
    }
    if (filter.text !== undefined && filter.text.trim() !== '') {
      const text = filter.text.trim();
      conditions.push(
        eb.or(
          ['id', 'business_key', 'error', 'trigger'].map((column) =>
            containsIgnoringCase(sql.ref(`executions.${column}`), text),
          ),
        ),
      );
    }
    if (filter.deadLetter !== undefined) conditions.push(eb('dead_letter', '=', filter.deadLetter));
    if (filter.failedNodeId !== undefined) conditions.push(eb('failed_node_id', '=', filter.failedNodeId));
    if (filter.errorSignature !== undefined)
      conditions.push(eb('error_signature', '=', filter.errorSignature));
    if (filter.partnerId !== undefined) {
      // Executions outlive their flow; one whose flow is gone belongs to no partner any more.
      conditions.push(
        eb(
          'flow_id',
          'in',
          eb.selectFrom('flows').select('flows.id').where('flows.partner_id', '=', filter.partnerId),
        ),
      );
    }
    return eb.and(conditions);
  };
}
