import { userError } from '@waybill/connector-kit';

/**
 * SOQL literals and bind parameters. Values from the data are never pasted into a query as text:
 * `:name` placeholders are replaced by literals written here, with quotes and backslashes escaped,
 * so a value cannot end its string and add conditions of its own.
 */

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A quoted SOQL string literal.
 *
 * @example
 * soqlString("O'Brien \\ Sons"); // "'O\\'Brien \\\\ Sons'"
 */
export function soqlString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/**
 * A datetime as a SOQL literal (unquoted, UTC, to the second, which is the precision Salesforce
 * stores).
 *
 * @example
 * soqlDateTime('2026-03-02T09:05:00.000+0000'); // '2026-03-02T09:05:00Z'
 */
export function soqlDateTime(value: string): string {
  const at = parseSalesforceDateTime(value);
  if (at === undefined) throw new Error(`"${value}" is not a datetime`);
  return `${new Date(at).toISOString().slice(0, 19)}Z`;
}

/**
 * Milliseconds of a Salesforce datetime (`+0000`, `+00:00` or `Z`), or undefined.
 *
 * @example
 * parseSalesforceDateTime('2026-03-02T09:05:00.000+0000'); // 1772442300000
 */
export function parseSalesforceDateTime(value: string): number | undefined {
  if (!DATETIME.test(value)) return undefined;
  const at = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(at) ? undefined : at;
}

/**
 * A bind value as a SOQL literal: strings quoted and escaped, ISO dates and datetimes unquoted
 * (SOQL's date literals), numbers and booleans as they are, null as NULL, arrays as an IN list.
 *
 * @example
 * soqlLiteral(['CUST-0001', 'CUST-0002']); // "('CUST-0001', 'CUST-0002')"
 */
export function soqlLiteral(value: unknown, name = 'value'): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') {
    if (DATETIME.test(value)) return soqlDateTime(value);
    if (DATE.test(value)) return value;
    return soqlString(value);
  }
  if (Array.isArray(value) && value.length > 0) {
    return `(${value.map((item) => soqlLiteral(item, name)).join(', ')})`;
  }
  throw userError({
    code: 'SALESFORCE_INVALID_BIND',
    message: `The query parameter "${name}" is ${Array.isArray(value) ? 'an empty list' : describeType(value)}; give it text, a number, a boolean, null, a date or a non-empty list of those.`,
  });
}

/**
 * The query with each `:name` outside string literals replaced by the literal of `params[name]`.
 *
 * @example
 * bindSoql('SELECT Id FROM Account WHERE External_Id__c = :ref', { ref: "CUST-0001' OR Name != '" });
 * // "SELECT Id FROM Account WHERE External_Id__c = 'CUST-0001\\' OR Name != \\''"
 */
export function bindSoql(soql: string, params: Readonly<Record<string, unknown>> = {}): string {
  let out = '';
  let index = 0;
  while (index < soql.length) {
    const char = soql[index] ?? '';
    if (char === "'") {
      const end = endOfString(soql, index);
      out += soql.slice(index, end);
      index = end;
      continue;
    }
    const bind = char === ':' ? /^:([A-Za-z_][A-Za-z0-9_]*)/.exec(soql.slice(index)) : null;
    if (bind?.[1]) {
      const name = bind[1];
      if (!Object.hasOwn(params, name)) {
        throw userError({
          code: 'SALESFORCE_MISSING_BIND',
          message: `The query names the parameter :${name}, but the input has no params.${name}; add it to the input's params.`,
        });
      }
      out += soqlLiteral(params[name], name);
      index += bind[0].length;
      continue;
    }
    out += char;
    index += 1;
  }
  return out;
}

function endOfString(soql: string, start: number): number {
  let index = start + 1;
  while (index < soql.length) {
    if (soql[index] === '\\') index += 2;
    else if (soql[index] === "'") return index + 1;
    else index += 1;
  }
  return soql.length;
}

function describeType(value: unknown): string {
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return 'a number that is not finite';
  return `a ${typeof value}`;
}
