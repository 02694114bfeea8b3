import { formatDate, formatDatetime } from './dates.js';
import { modelOf } from './registry.js';
import { requireRows } from './rows.js';
import { type SearchOptions, searchRows } from './search.js';
import type { Env, ModelDef, Row, Vals, Value } from './types.js';
import { unlinkRecords } from './unlink.js';
import { displayName, getValue } from './values.js';
import { createRecords, writeRecords } from './write.js';

/** A record handle for business code: typed getters over the ORM, so models read like Odoo's Python. */
export class Rec {
  constructor(
    readonly env: Env,
    readonly model: ModelDef,
    readonly row: Row,
  ) {}

  get id(): number {
    return this.row.id;
  }

  get name(): string {
    return displayName(this.env, this.model, this.row);
  }

  get(field: string): Value {
    return getValue(this.env, this.model, this.row, field);
  }

  num(field: string): number {
    const value = this.get(field);
    return typeof value === 'number' ? value : 0;
  }

  str(field: string): string {
    const value = this.get(field);
    return typeof value === 'string' ? value : '';
  }

  bool(field: string): boolean {
    return Boolean(this.get(field));
  }

  m2o(field: string): number | false {
    const value = this.get(field);
    return typeof value === 'number' && value > 0 ? value : false;
  }

  ids(field: string): number[] {
    const value = this.get(field);
    return Array.isArray(value) ? value : [];
  }

  /** The record a many2one points at. */
  rel(field: string): Rec | undefined {
    const id = this.m2o(field);
    if (id === false) return undefined;
    const relation = this.model.fields[field]!.relation!;
    return browse(this.env, relation, [id])[0];
  }

  /** The records an x2many holds. */
  list(field: string): Rec[] {
    return browse(this.env, this.model.fields[field]!.relation!, this.ids(field));
  }

  write(vals: Vals): void {
    writeRecords(this.env, this.model, [this.id], vals);
  }
}

export function browse(env: Env, model: string, ids: readonly number[]): Rec[] {
  const def = modelOf(env.db, model);
  return requireRows(env, model, ids).map((row) => new Rec(env, def, row));
}

export function record(env: Env, model: string, id: number): Rec {
  return browse(env, model, [id])[0]!;
}

export function search(env: Env, model: string, domain: unknown[], options?: SearchOptions): Rec[] {
  const def = modelOf(env.db, model);
  return searchRows(env, def, domain, options).map((row) => new Rec(env, def, row));
}

export function create(env: Env, model: string, vals: Vals): Rec {
  const [id] = createRecords(env, modelOf(env.db, model), [vals]);
  return record(env, model, id!);
}

export function write(env: Env, model: string, ids: readonly number[], vals: Vals): void {
  writeRecords(env, modelOf(env.db, model), ids, vals);
}

export function unlink(env: Env, model: string, ids: readonly number[]): void {
  unlinkRecords(env, modelOf(env.db, model), ids);
}

/**
 * The next number of a named sequence (`ir.sequence` next_by_code). Standard sequences keep counting when
 * the call fails; `rollsBack` is for numbers Odoo derives from the table (journal entry names).
 */
export function nextNumber(env: Env, code: string, rollsBack = false): number {
  const old = env.db.sequences.get(code);
  if (rollsBack) env.db.journal?.push({ kind: 'sequence', code, old });
  const next = (old ?? 0) + 1;
  env.db.sequences.set(code, next);
  return next;
}

export const pad = (number: number, width = 5) => String(number).padStart(width, '0');
export const nowString = (env: Env) => formatDatetime(env.db.now());
export const today = (env: Env) => formatDate(env.db.now());

/** Currency rounding to cents, as Odoo's float_round with precision 0.01. */
export const roundMoney = (amount: number) => Math.round((amount + Number.EPSILON) * 100) / 100;
