import { connectorError } from '@waybill/connector-kit';

/**
 * Reading Odoo's JSON answers without casts. Odoo writes `false` for an empty field of any type,
 * a many2one as `[id, display_name]` (or a bare id with `load: null`), and x2many fields as id
 * lists; these readers turn each into a plain TypeScript value or undefined.
 */

/**
 * One record as `read` or `search_read` return it.
 *
 * @example
 * const record: OdooRecord = { id: 7, name: 'Acme', country_id: [56, 'Germany'], email: false };
 */
export type OdooRecord = Readonly<Record<string, unknown>>;

/**
 * The records of a `read` / `search_read` answer; anything else is a connector error, since it
 * means the server is not behaving like Odoo.
 *
 * @example
 * const partners = recordsOf(await odoo.call('res.partner', 'search_read', { domain: [], fields: ['name'] }));
 */
export function recordsOf(value: unknown): OdooRecord[] {
  if (!Array.isArray(value)) throw unexpected('a list of records', value);
  return value.map((item) => {
    if (!isRecord(item) || typeof item.id !== 'number') throw unexpected('records with an id', item);
    return item;
  });
}

/**
 * The ids of a `search` or `create` answer (a bare id becomes a list of one).
 *
 * @example
 * idsOf([4, 5]); // [4, 5]
 * idsOf(4);      // [4]
 */
export function idsOf(value: unknown): number[] {
  if (typeof value === 'number' && Number.isInteger(value)) return [value];
  if (Array.isArray(value)) {
    return value.map((id) => {
      if (typeof id !== 'number' || !Number.isInteger(id)) throw unexpected('record ids', value);
      return id;
    });
  }
  throw unexpected('record ids', value);
}

/**
 * The first id of a `create` answer.
 *
 * @example
 * createdId([42]); // 42
 */
export function createdId(value: unknown): number {
  const [id] = idsOf(value);
  if (id === undefined) throw unexpected('the id of the created record', value);
  return id;
}

/**
 * A number read from `search_count` or a float field.
 *
 * @example
 * countOf(12); // 12
 */
export function countOf(value: unknown): number {
  if (typeof value !== 'number') throw unexpected('a number', value);
  return value;
}

/**
 * The record id; every record from `recordsOf` has one.
 *
 * @example
 * idOf({ id: 7 }); // 7
 */
export function idOf(record: OdooRecord): number {
  const id = record.id;
  if (typeof id !== 'number') throw unexpected('a record id', record);
  return id;
}

/**
 * A text field, or undefined when Odoo says `false` (empty).
 *
 * @example
 * textOf({ email: false }, 'email'); // undefined
 */
export function textOf(record: OdooRecord, field: string): string | undefined {
  const value = record[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A float or integer field; `false` reads as 0, as Odoo shows it.
 *
 * @example
 * numberOf({ amount_total: 12.5 }, 'amount_total'); // 12.5
 */
export function numberOf(record: OdooRecord, field: string): number {
  const value = record[field];
  return typeof value === 'number' ? value : 0;
}

/**
 * A boolean field.
 *
 * @example
 * booleanOf({ is_company: true }, 'is_company'); // true
 */
export function booleanOf(record: OdooRecord, field: string): boolean {
  return record[field] === true;
}

/**
 * A many2one field as `{ id, name }`, or undefined when empty.
 *
 * @example
 * many2oneOf({ country_id: [56, 'Germany'] }, 'country_id'); // { id: 56, name: 'Germany' }
 */
export function many2oneOf(record: OdooRecord, field: string): { id: number; name: string } | undefined {
  const value = record[field];
  if (typeof value === 'number') return { id: value, name: '' };
  if (Array.isArray(value) && typeof value[0] === 'number') {
    return { id: value[0], name: typeof value[1] === 'string' ? value[1] : '' };
  }
  return undefined;
}

/**
 * An x2many field as the list of ids.
 *
 * @example
 * x2manyOf({ order_line: [3, 4] }, 'order_line'); // [3, 4]
 */
export function x2manyOf(record: OdooRecord, field: string): number[] {
  const value = record[field];
  return Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];
}

/**
 * The record id an Odoo action (the dict a button method returns) opens, when it opens one.
 *
 * @example
 * actionResId({ type: 'ir.actions.act_window', res_model: 'stock.picking', res_id: 12 }); // 12
 */
export function actionResId(action: unknown): number | undefined {
  if (!isRecord(action)) return undefined;
  return typeof action.res_id === 'number' && action.res_id > 0 ? action.res_id : undefined;
}

/**
 * True when a button method answered with an action that opens a wizard (a dialog waiting for a
 * person) instead of finishing the job.
 *
 * @example
 * isWizardAction({ type: 'ir.actions.act_window', res_model: 'stock.backorder.confirmation', target: 'new' }); // true
 */
export function isWizardAction(action: unknown): action is { res_model?: unknown; name?: unknown } {
  return isRecord(action) && action.type === 'ir.actions.act_window' && action.target === 'new';
}

/**
 * True for a plain object (not an array or null).
 *
 * @example
 * isRecord({ a: 1 }); // true
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unexpected(expected: string, value: unknown) {
  return connectorError({
    code: 'INVALID_RESPONSE',
    message: `Odoo answered with something other than ${expected}; the server may not be Odoo or may run a customised API.`,
    retryable: false,
    upstream: { body: safeJson(value).slice(0, 500) },
  });
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
