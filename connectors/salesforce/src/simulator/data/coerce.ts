import { badRequest } from '../errors.js';
import { formatDateTime, isDate, parseDateTime } from './dates.js';
import { toId18 } from './ids.js';
import { objectOfId } from './schema.js';
import { type FieldDef, type FieldValue, NUMBER_TYPES, TEXT_TYPES } from './schema-types.js';

/**
 * One JSON value written to one field, checked and converted the way Salesforce's REST API does,
 * with its error codes and messages: JSON_PARSER_ERROR for a value of the wrong JSON type,
 * STRING_TOO_LONG, INVALID_EMAIL_ADDRESS, INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST, MALFORMED_ID and
 * FIELD_INTEGRITY_EXCEPTION for lookups.
 *
 * @example
 * coerceValue({ name: 'Amount', label: 'Amount', type: 'currency' }, '1250.5'); // 1250.5
 */
export function coerceValue(field: FieldDef, value: unknown): FieldValue {
  if (value === null) return null;
  if (TEXT_TYPES.has(field.type)) return coerceText(field, value);
  if (field.type === 'boolean') {
    if (typeof value === 'boolean') return value;
    throw cannotDeserialize('boolean', value);
  }
  if (NUMBER_TYPES.has(field.type)) {
    const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    if (!Number.isFinite(number) || (typeof value === 'string' && value.trim() === '')) {
      throw cannotDeserialize(field.type, value);
    }
    if (field.type === 'int' && !Number.isInteger(number)) throw cannotDeserialize('int', value);
    return number;
  }
  if (field.type === 'date') {
    const text = typeof value === 'string' ? value.slice(0, 10) : '';
    if (!isDate(text)) throw cannotDeserialize('date', value);
    return text;
  }
  if (field.type === 'datetime') {
    const at = typeof value === 'string' ? parseDateTime(value) : undefined;
    if (at === undefined) throw cannotDeserialize('datetime', value);
    return formatDateTime(new Date(at));
  }
  if (field.type === 'reference') return coerceReference(field, value);
  throw badRequest('INVALID_FIELD_FOR_INSERT_UPDATE', unwritable([field.name]), [field.name]);
}

/**
 * The message of INVALID_FIELD_FOR_INSERT_UPDATE for fields that are not createable or updateable.
 *
 * @example
 * unwritable(['OrderNumber']); // 'Unable to create/update fields: OrderNumber. Please check the security settings ...'
 */
export function unwritable(fields: readonly string[]): string {
  return `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`;
}

function coerceText(field: FieldDef, value: unknown): string {
  // Salesforce's JSON reader turns numbers and booleans into text for text fields.
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw cannotDeserialize('string', value);
  }
  const text = String(value);
  if (field.length !== undefined && text.length > field.length) {
    throw badRequest(
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${text.slice(0, 60)}${text.length > 60 ? '...' : ''} (max length=${field.length})`,
      [field.name],
    );
  }
  if (field.type === 'email' && text !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
    throw badRequest('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`, [field.name]);
  }
  if (field.restricted && field.picklist && !field.picklist.includes(text)) {
    throw badRequest(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `${field.label}: bad value for restricted picklist field: ${text}`,
      [field.name],
    );
  }
  return text;
}

function coerceReference(field: FieldDef, value: unknown): string {
  const id = typeof value === 'string' ? toId18(value) : undefined;
  if (id === undefined) {
    throw badRequest('MALFORMED_ID', `${field.label}: id value of incorrect type: ${String(value)}`, [
      field.name,
    ]);
  }
  if (objectOfId(id)?.name !== field.referenceTo) {
    throw badRequest('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${value}`, [
      field.name,
    ]);
  }
  return id;
}

function cannotDeserialize(type: string, value: unknown) {
  const token =
    typeof value === 'string'
      ? 'VALUE_STRING'
      : typeof value === 'number'
        ? 'VALUE_NUMBER_INT'
        : typeof value === 'boolean'
          ? `VALUE_${String(value).toUpperCase()}`
          : Array.isArray(value)
            ? 'START_ARRAY'
            : 'START_OBJECT';
  const shown = typeof value === 'object' ? '' : ` value ${String(value)}`;
  return badRequest(
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${type} from ${token}${shown} or request may be missing a required field`,
  );
}
