import { modelOf } from './registry.js';
import { idsPointingTo, rowOf } from './rows.js';
import type { Env, FieldDef, ModelDef, Row, Value } from './types.js';

/** What an unset field holds: Odoo reads NULL numbers as 0 and every other NULL as False. */
export function emptyValue(field: FieldDef): Value {
  switch (field.type) {
    case 'integer':
    case 'float':
    case 'monetary':
      return 0;
    case 'one2many':
    case 'many2many':
      return [];
    default:
      return false;
  }
}

/** The current value of a field, whether stored, computed, delegated (`_inherits`) or a one2many. */
export function getValue(env: Env, model: ModelDef, row: Row, name: string): Value {
  if (name === 'id') return row.id;
  if (name === 'display_name') return displayName(env, model, row);
  const field = model.fields[name];
  if (!field) return false;
  if (field.inheritedVia) {
    const parentModel = modelOf(env.db, model.inherits!.model);
    const parentRow = rowOf(env.db, parentModel.name, Number(row[field.inheritedVia]));
    return parentRow ? getValue(env, parentModel, parentRow, name) : emptyValue(field);
  }
  if (field.compute) return field.compute(env, row);
  if (field.type === 'one2many') return oneToManyIds(env, field, row.id);
  return row[name] ?? emptyValue(field);
}

function oneToManyIds(env: Env, field: FieldDef, id: number): number[] {
  const comodel = modelOf(env.db, field.relation!);
  let ids = idsPointingTo(env.db, comodel.name, field.inverseName!, id);
  // Like Odoo, archived records drop out of x2many values unless the caller disables active_test.
  if ('active' in comodel.fields && env.context.active_test !== false) {
    ids = ids.filter((lineId) => rowOf(env.db, comodel.name, lineId)?.active !== false);
  }
  // Odoo returns one2many ids in the comodel's _order; a sequence column is what matters for lines.
  if (!('sequence' in comodel.fields)) return ids;
  const sequence = (lineId: number) => Number(rowOf(env.db, comodel.name, lineId)?.sequence ?? 0);
  return ids.sort((a, b) => sequence(a) - sequence(b) || a - b);
}

/** A typed shortcut for code that knows the field holds a many2one. */
export function m2oId(env: Env, model: ModelDef, row: Row, name: string): number | false {
  const value = getValue(env, model, row, name);
  return typeof value === 'number' && value > 0 ? value : false;
}

export function idsValue(env: Env, model: ModelDef, row: Row, name: string): number[] {
  const value = getValue(env, model, row, name);
  return Array.isArray(value) ? value : [];
}

export function numberValue(env: Env, model: ModelDef, row: Row, name: string): number {
  const value = getValue(env, model, row, name);
  return typeof value === 'number' ? value : 0;
}

export function textValue(env: Env, model: ModelDef, row: Row, name: string): string {
  const value = getValue(env, model, row, name);
  return typeof value === 'string' ? value : '';
}

export function displayName(env: Env, model: ModelDef, row: Row): string {
  if (model.displayName) return model.displayName(env, row);
  const recName = model.recName ?? 'name';
  const value = recName in model.fields ? getValue(env, model, row, recName) : false;
  return typeof value === 'string' && value !== '' ? value : `${model.name},${row.id}`;
}

export function nameOf(env: Env, modelName: string, id: number): string {
  const model = modelOf(env.db, modelName);
  const row = rowOf(env.db, modelName, id);
  return row ? displayName(env, model, row) : `${modelName},${id}`;
}
