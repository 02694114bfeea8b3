import { fieldOf } from './registry.js';
import { requireRows } from './rows.js';
import type { Env, FieldDef, ModelDef, Row } from './types.js';
import { getValue, nameOf } from './values.js';

/**
 * A record as `read()` returns it: many2one as `[id, display_name]` (or the bare id when `load` is falsy).
 *
 * @example
 * const [order]: ReadRecord[] = sim.records('sale.order');
 * order?.partner_id; // [5, 'Acme Retail Inc.']
 */
export type ReadRecord = { id: number } & Record<string, unknown>;

export function readRecords(
  env: Env,
  model: ModelDef,
  ids: readonly number[],
  fields: readonly string[] | null | undefined,
  load: unknown = '_classic_read',
): ReadRecord[] {
  const names = fieldNames(model, fields);
  return requireRows(env, model.name, ids).map((row) => readRow(env, model, row, names, load));
}

export function readRow(
  env: Env,
  model: ModelDef,
  row: Row,
  names: readonly string[],
  load: unknown,
): ReadRecord {
  const record: ReadRecord = { id: row.id };
  for (const name of names) {
    if (name === 'id') continue;
    const field = model.fields[name]!;
    const value = getValue(env, model, row, name);
    if (field.type === 'many2one' && typeof value === 'number' && value > 0 && load) {
      record[name] = [value, nameOf(env, field.relation!, value)];
    } else record[name] = value;
  }
  return record;
}

/** The requested fields (all when none are given), validated the way Odoo validates them. */
export function fieldNames(model: ModelDef, fields: readonly string[] | null | undefined): string[] {
  if (!fields || fields.length === 0) return Object.keys(model.fields);
  for (const name of fields) fieldOf(model, name);
  return [...new Set(fields)];
}

/** `fields_get()`: field metadata in Odoo's shape, optionally trimmed to some attributes. */
export function fieldsGet(
  model: ModelDef,
  allfields: readonly string[] | null | undefined,
  attributes: readonly string[] | null | undefined,
): Record<string, Record<string, unknown>> {
  const result: Record<string, Record<string, unknown>> = {};
  const names = allfields && allfields.length > 0 ? allfields.filter((name) => name in model.fields) : null;
  for (const name of names ?? Object.keys(model.fields)) {
    const description = describeField(name, model.fields[name]!);
    if (!attributes || attributes.length === 0) result[name] = description;
    else
      result[name] = Object.fromEntries(
        attributes.filter((key) => key in description).map((k) => [k, description[k]]),
      );
  }
  return result;
}

function describeField(name: string, field: FieldDef): Record<string, unknown> {
  const stored = !field.compute && field.type !== 'one2many';
  const description: Record<string, unknown> = {
    type: field.type,
    string: field.string,
    help: field.help ?? false,
    required: Boolean(field.required),
    readonly: Boolean(field.readonly) || (Boolean(field.compute) && !field.inverse) || name === 'id',
    store: stored || name === 'display_name' ? stored : false,
    searchable: true,
    sortable: stored,
    groupable: stored,
    manual: false,
    depends: [],
    company_dependent: false,
    name,
  };
  if (field.relation) {
    description.relation = field.relation;
    description.context = {};
    description.domain = [];
  }
  if (field.type === 'one2many') description.relation_field = field.inverseName;
  if (field.selection) description.selection = field.selection.map(([key, label]) => [key, label]);
  if (field.type === 'monetary') description.currency_field = 'currency_id';
  if (field.type === 'char') description.size = false;
  return description;
}
