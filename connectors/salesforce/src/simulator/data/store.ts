import { formatDateTime } from './dates.js';
import { makeId } from './ids.js';
import type { FieldValue, ObjectDef, SimRecord } from './schema-types.js';

/**
 * A copy of every table, taken before a composite request with allOrNone so that a failure can
 * put everything back.
 *
 * @example
 * const before: StoreSnapshot = store.snapshot();
 * store.restore(before);
 */
export type StoreSnapshot = Map<string, Map<string, SimRecord>>;

/**
 * The simulator's tables: records by object and id, with the system fields (CreatedDate,
 * LastModifiedDate, SystemModstamp, CreatedById, LastModifiedById) stamped from the clock on every
 * write. Validation happens before (see write.ts); the store only keeps what it is given.
 * Id and auto-number counters survive a rollback, as Salesforce's do.
 */
export class RecordStore {
  private tables: StoreSnapshot = new Map();
  private counters = new Map<string, number>();

  constructor(private readonly now: () => Date) {}

  /** Every record of an object, in creation order. */
  all(object: ObjectDef): SimRecord[] {
    return [...this.table(object).values()];
  }

  get(object: ObjectDef, id: string): SimRecord | undefined {
    return this.table(object).get(id);
  }

  /** The current time as Salesforce stamps it (to the second). */
  stamp(): string {
    return formatDateTime(this.now());
  }

  insert(object: ObjectDef, values: Record<string, FieldValue>, userId: string): SimRecord {
    const counter = (this.counters.get(object.keyPrefix) ?? 0) + 1;
    this.counters.set(object.keyPrefix, counter);
    const at = this.stamp();
    const record: SimRecord = { Id: makeId(object.keyPrefix, counter) };
    for (const field of object.fields) {
      if (field.name !== 'Id') record[field.name] = field.defaultValue ?? null;
    }
    Object.assign(record, values);
    if ('OwnerId' in record && record.OwnerId === null) record.OwnerId = userId;
    Object.assign(record, {
      CreatedDate: at,
      CreatedById: userId,
      LastModifiedDate: at,
      LastModifiedById: userId,
      SystemModstamp: at,
    });
    if (object.autoNumber) {
      const next = (this.counters.get(`${object.keyPrefix}#`) ?? object.autoNumber.start - 1) + 1;
      this.counters.set(`${object.keyPrefix}#`, next);
      record[object.autoNumber.field] = String(next).padStart(object.autoNumber.digits, '0');
    }
    Object.assign(record, object.derive?.(record) ?? {});
    this.table(object).set(record.Id, record);
    return { ...record };
  }

  update(object: ObjectDef, id: string, values: Record<string, FieldValue>, userId: string): SimRecord {
    const record = this.table(object).get(id);
    if (!record) throw new Error(`no ${object.name} ${id}`);
    const at = this.stamp();
    Object.assign(record, values, { LastModifiedDate: at, LastModifiedById: userId, SystemModstamp: at });
    Object.assign(record, object.derive?.(record) ?? {});
    return { ...record };
  }

  /**
   * Changes fields without touching LastModifiedDate, as Salesforce's own background jobs do:
   * only SystemModstamp moves (or nothing, with `touch: false`).
   */
  systemUpdate(object: ObjectDef, id: string, values: Record<string, FieldValue>, touch = true): void {
    const record = this.table(object).get(id);
    if (!record) throw new Error(`no ${object.name} ${id}`);
    Object.assign(record, values, touch ? { SystemModstamp: this.stamp() } : {});
  }

  remove(object: ObjectDef, id: string): boolean {
    return this.table(object).delete(id);
  }

  snapshot(): StoreSnapshot {
    return new Map(
      [...this.tables].map(([name, rows]) => [
        name,
        new Map([...rows].map(([id, record]) => [id, { ...record }])),
      ]),
    );
  }

  restore(snapshot: StoreSnapshot): void {
    this.tables = snapshot;
  }

  clear(): void {
    this.tables = new Map();
    this.counters = new Map();
  }

  private table(object: ObjectDef): Map<string, SimRecord> {
    let rows = this.tables.get(object.name);
    if (!rows) {
      rows = new Map();
      this.tables.set(object.name, rows);
    }
    return rows;
  }
}
