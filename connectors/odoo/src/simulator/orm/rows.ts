import { OdooError } from '../errors.js';
import { recordsetRepr } from './py-repr.js';
import type { Database, Env, Row, UndoEntry, Value } from './types.js';

/**
 * Raw row storage. Every mutation goes through here so the reverse many2one indexes that one2many reads
 * rely on stay exact.
 */
export function tableOf(db: Database, model: string): Map<number, Row> {
  let table = db.tables.get(model);
  if (!table) {
    table = new Map();
    db.tables.set(model, table);
  }
  return table;
}

export function rowOf(db: Database, model: string, id: number): Row | undefined {
  return tableOf(db, model).get(id);
}

/** The rows, or Odoo's MissingError naming the ids that are gone. */
export function requireRows(env: Env, model: string, ids: readonly number[]): Row[] {
  const table = tableOf(env.db, model);
  const missing = ids.filter((id) => !table.has(id));
  if (missing.length > 0) throw missingError(env, model, missing);
  return ids.map((id) => table.get(id)!);
}

export function missingError(env: Env, model: string, ids: readonly number[]): OdooError {
  return new OdooError(
    'odoo.exceptions.MissingError',
    `Record does not exist or has been deleted.\n(Record: ${recordsetRepr(model, ids)}, User: ${env.uid})`,
  );
}

export function nextId(db: Database, model: string): number {
  const id = db.nextIds.get(model) ?? 1;
  db.nextIds.set(model, id + 1);
  return id;
}

export function insertRow(db: Database, model: string, row: Row): void {
  db.journal?.push({ kind: 'insert', model, id: row.id });
  tableOf(db, model).set(row.id, row);
  if (row.id >= (db.nextIds.get(model) ?? 1)) db.nextIds.set(model, row.id + 1);
  for (const [key, index] of db.indexes) {
    const [indexModel, field] = splitKey(key);
    if (indexModel === model) addToIndex(index, row[field], row.id);
  }
}

export function setStored(
  db: Database,
  model: string,
  row: Row,
  field: string,
  value: Value | undefined,
): void {
  db.journal?.push({ kind: 'set', model, row, field, old: row[field] });
  const index = db.indexes.get(`${model}|${field}`);
  if (index) {
    removeFromIndex(index, row[field], row.id);
    addToIndex(index, value, row.id);
  }
  if (value === undefined) delete row[field];
  else row[field] = value;
}

export function deleteRow(db: Database, model: string, id: number): void {
  const row = tableOf(db, model).get(id);
  if (!row) return;
  db.journal?.push({ kind: 'delete', model, row });
  for (const [key, index] of db.indexes) {
    const [indexModel, field] = splitKey(key);
    if (indexModel === model) removeFromIndex(index, row[field], id);
  }
  tableOf(db, model).delete(id);
}

/** Ids of `model` rows whose many2one `field` points at `target`, in id order. */
export function idsPointingTo(db: Database, model: string, field: string, target: number): number[] {
  const key = `${model}|${field}`;
  let index = db.indexes.get(key);
  if (!index) {
    index = new Map();
    for (const row of tableOf(db, model).values()) addToIndex(index, row[field], row.id);
    db.indexes.set(key, index);
  }
  return [...(index.get(target) ?? [])].sort((a, b) => a - b);
}

const splitKey = (key: string): [string, string] => {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
};

function addToIndex(index: Map<number, Set<number>>, value: Value | undefined, id: number): void {
  if (typeof value !== 'number') return;
  let ids = index.get(value);
  if (!ids) {
    ids = new Set();
    index.set(value, ids);
  }
  ids.add(id);
}

function removeFromIndex(index: Map<number, Set<number>>, value: Value | undefined, id: number): void {
  if (typeof value === 'number') index.get(value)?.delete(id);
}

/**
 * Runs one RPC call as a transaction: on error every row change is undone, as PostgreSQL would roll it
 * back. Like PostgreSQL sequences, ids and document numbers already handed out are not given back (except
 * journal entry names, which Odoo computes from the table).
 */
export function transaction<T>(db: Database, run: () => T): T {
  if (db.journal) return run();
  const journal: UndoEntry[] = [];
  db.journal = journal;
  try {
    return run();
  } catch (error) {
    db.journal = undefined;
    for (const entry of journal.reverse()) undo(db, entry);
    throw error;
  } finally {
    db.journal = undefined;
  }
}

function undo(db: Database, entry: UndoEntry): void {
  switch (entry.kind) {
    case 'insert':
      deleteRow(db, entry.model, entry.id);
      break;
    case 'delete':
      insertRow(db, entry.model, entry.row);
      break;
    case 'set':
      setStored(db, entry.model, entry.row, entry.field, entry.old);
      break;
    case 'sequence':
      if (entry.old === undefined) db.sequences.delete(entry.code);
      else db.sequences.set(entry.code, entry.old);
      break;
  }
}
