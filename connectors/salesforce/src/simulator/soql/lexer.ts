import { parseDateTime } from '../data/dates.js';
import { SalesforceApiError } from '../errors.js';

/**
 * Tokens of the SOQL subset. Keywords are identifiers, compared case-insensitively by the parser;
 * date and datetime literals are unquoted (`2026-03-02T09:00:00Z`), as in SOQL.
 *
 * @example
 * const token: Token = { kind: 'ident', text: 'Name', offset: 7 };
 */
export interface Token {
  kind: 'ident' | 'string' | 'number' | 'datetime' | 'date' | 'op' | '(' | ')' | ',' | 'eof';
  text: string;
  /** Decoded string literal, or the number, or epoch milliseconds of a datetime. */
  value?: string | number;
  offset: number;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\dT])/;
const NUMBER = /^-?\d+(\.\d+)?(?![\w.])/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/;
const OPERATOR = /^(<=|>=|!=|<>|=|<|>)/;
const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

/**
 * Splits a SOQL text into tokens, or throws MALFORMED_QUERY pointing at the first character that
 * cannot start one.
 *
 * @example
 * tokenize("SELECT Id FROM Account WHERE Name = 'Acme'").map((token) => token.kind);
 * // ['ident', 'ident', 'ident', 'ident', 'ident', 'ident', 'op', 'string', 'eof']
 */
export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  while (offset < soql.length) {
    const rest = soql.slice(offset);
    const space = /^\s+/.exec(rest);
    if (space) {
      offset += space[0].length;
      continue;
    }
    const char = rest[0] ?? '';
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char, text: char, offset });
      offset += 1;
      continue;
    }
    if (char === "'") {
      const { value, length } = readString(soql, offset);
      tokens.push({ kind: 'string', text: soql.slice(offset, offset + length), value, offset });
      offset += length;
      continue;
    }
    const datetime = DATETIME.exec(rest);
    if (datetime) {
      const at = parseDateTime(datetime[0]);
      if (at === undefined)
        throw soqlError(
          soql,
          offset,
          'MALFORMED_QUERY',
          `line 1:${offset} no viable alternative at character '${char}'`,
        );
      tokens.push({ kind: 'datetime', text: datetime[0], value: at, offset });
      offset += datetime[0].length;
      continue;
    }
    const match = DATE.exec(rest) ?? NUMBER.exec(rest);
    if (match) {
      const kind = DATE.test(rest) ? 'date' : 'number';
      tokens.push({ kind, text: match[0], value: kind === 'number' ? Number(match[0]) : match[0], offset });
      offset += match[0].length;
      continue;
    }
    const word = IDENT.exec(rest) ?? OPERATOR.exec(rest);
    if (word) {
      tokens.push({ kind: IDENT.test(rest) ? 'ident' : 'op', text: word[0], offset });
      offset += word[0].length;
      continue;
    }
    throw soqlError(
      soql,
      offset,
      'MALFORMED_QUERY',
      `line 1:${offset} no viable alternative at character '${char}'`,
    );
  }
  tokens.push({ kind: 'eof', text: '<EOF>', offset: soql.length });
  return tokens;
}

/**
 * A SOQL error the way Salesforce words it: the query line, a caret under the column, the row
 * and column, then the reason.
 *
 * @example
 * soqlError('SELECT Id FROMM Account', 10, 'MALFORMED_QUERY', "unexpected token: 'FROMM'").errors[0]?.message;
 * // "\nSELECT Id FROMM Account\n          ^\nERROR at Row:1:Column:11\nunexpected token: 'FROMM'"
 */
export function soqlError(
  soql: string,
  offset: number,
  errorCode: string,
  reason: string,
): SalesforceApiError {
  const before = soql.slice(0, offset).split('\n');
  const row = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  const line = soql.split('\n')[row - 1] ?? '';
  const message = `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${reason}`;
  return new SalesforceApiError(400, [{ message, errorCode }]);
}

function readString(soql: string, start: number): { value: string; length: number } {
  let value = '';
  let index = start + 1;
  while (index < soql.length) {
    const char = soql[index] ?? '';
    if (char === '\\') {
      const next = soql[index + 1] ?? '';
      const escaped = ESCAPES[next];
      // SOQL also keeps \% and \_ so that LIKE can match the wildcard characters themselves.
      if (escaped === undefined && next !== '%' && next !== '_') {
        throw soqlError(
          soql,
          index,
          'MALFORMED_QUERY',
          `Invalid string literal '${soql.slice(start, index + 2)}'. Illegal character sequence '\\${next}' in string literal.`,
        );
      }
      value += escaped ?? `\\${next}`;
      index += 2;
      continue;
    }
    if (char === "'") return { value, length: index - start + 1 };
    value += char;
    index += 1;
  }
  throw soqlError(
    soql,
    start,
    'MALFORMED_QUERY',
    `line 1:${start} mismatched character '<EOF>' expecting '''`,
  );
}
