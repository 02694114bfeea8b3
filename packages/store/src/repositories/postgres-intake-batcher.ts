import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { StoreContext } from '../store-context.js';
import type { AcceptedDelivery, NewExecution } from '../store-types.js';
import { firstRunAt, newExecutionValues } from './execution-writes.js';

type Delivery = NewExecution & { dedupeKey?: string | null };

interface Pending {
  input: Delivery;
  resolve(result: AcceptedDelivery): void;
  reject(error: unknown): void;
}

/** Deliveries written by one statement at most (about 14 parameters each). */
const MAX_BATCH = 200;

/**
 * Group commit for PostgreSQL intake. Every commit waits for its WAL flush, so deliveries that
 * arrive together are written by ONE statement: data-modifying CTEs insert the deliveries (a
 * repeated dedupe key, within the batch or from before, inserts nothing), then the executions and
 * outbox rows of exactly those that were inserted. The statement is atomic; each caller is
 * answered after it commits. While a batch is being written, the next one gathers, so batches
 * grow with load and stay at one delivery when it is quiet.
 *
 * @example
 * const accept = createPostgresIntakeBatcher(context);
 * await accept({ flowId, revisionHash, triggerKind: 'webhook', trigger, dedupeKey: 'd-1' });
 */
export function createPostgresIntakeBatcher(
  context: StoreContext,
): (input: Delivery) => Promise<AcceptedDelivery> {
  let queue: Pending[] = [];
  let writing = 0;
  // A few batches in flight keep the pool busy without splitting bursts into tiny batches.
  const maxInFlight = 4;

  const write = async (batch: Pending[]) => {
    writing += 1;
    try {
      const results = await acceptMany(
        context.db,
        context,
        batch.map((p) => p.input),
      );
      for (const [index, item] of batch.entries()) item.resolve(results[index] as AcceptedDelivery);
    } catch (error) {
      for (const item of batch) item.reject(error);
    } finally {
      writing -= 1;
      pump();
    }
  };

  const pump = () => {
    while (queue.length > 0 && writing < maxInFlight) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      void write(batch);
    }
  };

  return (input) =>
    new Promise<AcceptedDelivery>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      // Gather what arrives in this turn of the event loop before writing.
      if (queue.length === 1) setImmediate(pump);
    });
}

async function acceptMany(
  db: Kysely<Database>,
  context: StoreContext,
  inputs: Delivery[],
): Promise<AcceptedDelivery[]> {
  const now = context.nowIso();
  const rows = inputs.map((input, position) => {
    const id = context.nextExecutionId();
    // run_count and cancel_requested keep their column defaults: VALUES parameters are text.
    const { run_count: _runs, cancel_requested: _cancel, ...values } = newExecutionValues(id, input, now);
    return { id, input, values, runAt: firstRunAt(input, now), position };
  });
  const columns = Object.keys(rows[0]?.values ?? {});
  const tuples = sql.join(
    rows.map(
      (row) =>
        sql`(${sql.join([row.position, row.input.dedupeKey ?? null, row.runAt, ...columns.map((c) => (row.values as Record<string, unknown>)[c] ?? null)].map((v) => sql`${v}`))})`,
    ),
  );
  const columnList = sql.join(columns.map((c) => sql.ref(c)));
  const { rows: accepted } = await sql<{ position: number; id: string }>`
    with input (position, dedupe_key, run_at, ${columnList}) as (values ${tuples}),
    delivery as (
      insert into webhook_deliveries (flow_id, dedupe_key, execution_id, received_at)
      select flow_id, dedupe_key, id, queued_at from input where dedupe_key is not null
      on conflict (flow_id, dedupe_key) do nothing
      returning execution_id
    ),
    accepted as (
      select * from input where dedupe_key is null or id in (select execution_id from delivery)
    ),
    execution as (
      insert into executions (${columnList}) select ${columnList} from accepted returning id
    ),
    queued as (
      insert into outbox (execution_id, run_at, created_at) select id, run_at, queued_at from accepted
    )
    select position::int as position, id from accepted`.execute(db);

  const acceptedAt = new Map(accepted.map((row) => [Number(row.position), row.id]));
  const repeats = rows.filter((row) => !acceptedAt.has(row.position));
  const originals = new Map<string, string>();
  if (repeats.length > 0) {
    const found = await db
      .selectFrom('webhook_deliveries')
      .select(['flow_id', 'dedupe_key', 'execution_id'])
      .where((eb) =>
        eb.or(
          repeats.map((row) =>
            eb.and([eb('flow_id', '=', row.input.flowId), eb('dedupe_key', '=', row.input.dedupeKey ?? '')]),
          ),
        ),
      )
      .execute();
    for (const row of found) originals.set(`${row.flow_id}\u0000${row.dedupe_key}`, row.execution_id);
  }
  return rows.map((row) => {
    const id = acceptedAt.get(row.position);
    if (id) return { executionId: id, duplicateOf: null };
    const original = originals.get(`${row.input.flowId}\u0000${row.input.dedupeKey ?? ''}`);
    if (!original)
      throw new Error(
        `The delivery ${row.input.dedupeKey} of flow ${row.input.flowId} was neither stored nor found.`,
      );
    return { executionId: original, duplicateOf: original };
  });
}
