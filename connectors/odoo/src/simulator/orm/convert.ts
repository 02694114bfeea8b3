import { valueError } from '../errors.js';
import { normaliseDate, normaliseDatetime } from './dates.js';
import { pyRepr } from './py-repr.js';
import { missingError, rowOf } from './rows.js';
import type { Env, FieldDef, ModelDef, Value } from './types.js';

/**
 * A scalar or many2one value from the wire in cache form, with the ValueError / MissingError Odoo raises
 * for values it cannot store.
 */
export function convertScalar(env: Env, model: ModelDef, name: string, field: FieldDef, raw: unknown): Value {
  const wrong = () => valueError(`Wrong value for ${model.name}.${name}: ${pyRepr(raw)}`);
  const empty = raw === false || raw === null || raw === undefined;
  switch (field.type) {
    case 'boolean':
      return Boolean(raw);
    case 'integer':
    case 'float':
    case 'monetary': {
      if (empty) return 0;
      const number = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof number === 'boolean') return Number(number);
      if (typeof number !== 'number' || !Number.isFinite(number)) throw wrong();
      return field.type === 'integer' ? Math.trunc(number) : number;
    }
    case 'selection': {
      if (empty) return false;
      if (typeof raw !== 'string' || !field.selection?.some(([key]) => key === raw)) throw wrong();
      return raw;
    }
    case 'date':
    case 'datetime': {
      if (empty) return false;
      const text = typeof raw === 'string' ? raw : '';
      const normalised = field.type === 'date' ? normaliseDate(text) : normaliseDatetime(text);
      if (!normalised) {
        const format = field.type === 'date' ? '%Y-%m-%d' : '%Y-%m-%d %H:%M:%S';
        throw valueError(`time data ${pyRepr(raw)} does not match format '${format}'`);
      }
      return normalised;
    }
    case 'many2one': {
      if (empty || raw === 0) return false;
      if (typeof raw !== 'number' || !Number.isInteger(raw)) throw wrong();
      if (!rowOf(env.db, field.relation!, raw)) throw missingError(env, field.relation!, [raw]);
      return raw;
    }
    case 'one2many':
    case 'many2many':
      throw wrong();
    default:
      if (empty) return false;
      return typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : pyRepr(raw);
  }
}

/** Whether a stored value violates NOT NULL (Odoo stores '' for an empty required char, so that passes). */
export function isNullValue(field: FieldDef, value: Value | undefined): boolean {
  if (value === undefined) return true;
  if (
    field.type === 'boolean' ||
    field.type === 'integer' ||
    field.type === 'float' ||
    field.type === 'monetary'
  ) {
    return false;
  }
  return value === false;
}
