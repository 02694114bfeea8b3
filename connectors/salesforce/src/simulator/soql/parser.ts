import { soqlError, type Token, tokenize } from './lexer.js';

/**
 * The SOQL subset the simulator runs:
 * `SELECT fields | COUNT() FROM object [WHERE condition] [ORDER BY field [ASC|DESC] [NULLS FIRST|LAST], ...]
 * [LIMIT n] [OFFSET n]`, where a condition combines `field op value` (=, !=, <>, <, <=, >, >=,
 * LIKE), `field [NOT] IN (values)`, NOT and parentheses with AND or OR (mixing both at one level
 * without parentheses is refused, as SOQL does). Fields may follow parent relationships
 * (`Account.Name`). Anything else (subqueries, GROUP BY, functions, date literals such as TODAY,
 * bind variables) is MALFORMED_QUERY.
 */

/**
 * A field as written in the query, split on dots.
 *
 * @example
 * const path: FieldPath = { names: ['Account', 'External_Id__c'], offset: 7 };
 */
export interface FieldPath {
  names: string[];
  offset: number;
}

/**
 * A literal value of a condition.
 *
 * @example
 * const literal: Literal = { kind: 'datetime', value: 1772442000000, offset: 40 };
 */
export type Literal =
  | { kind: 'string'; value: string; offset: number }
  | { kind: 'number'; value: number; offset: number }
  | { kind: 'boolean'; value: boolean; offset: number }
  | { kind: 'null'; offset: number }
  | { kind: 'datetime'; value: number; offset: number }
  | { kind: 'date'; value: string; offset: number };

/**
 * A comparison operator, LIKE included.
 *
 * @example
 * const op: Operator = '>=';
 */
export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'like';

/**
 * A WHERE condition.
 *
 * @example
 * const condition: Condition = { kind: 'compare', field: { names: ['Name'], offset: 29 }, op: '=', value: { kind: 'string', value: 'Acme', offset: 36 } };
 */
export type Condition =
  | { kind: 'and' | 'or'; items: Condition[] }
  | { kind: 'not'; item: Condition }
  | { kind: 'compare'; field: FieldPath; op: Operator; value: Literal }
  | { kind: 'in'; field: FieldPath; values: Literal[]; negate: boolean };

/**
 * One ORDER BY item.
 *
 * @example
 * const order: OrderItem = { field: { names: ['LastModifiedDate'], offset: 60 }, descending: false, nullsLast: false };
 */
export interface OrderItem {
  field: FieldPath;
  descending: boolean;
  nullsLast: boolean;
}

/**
 * A parsed query.
 *
 * @example
 * parseSoql('SELECT Id FROM Account LIMIT 5').limit; // 5
 */
export interface SoqlQuery {
  text: string;
  select: FieldPath[] | 'count';
  from: { name: string; offset: number };
  where?: Condition;
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
}

/**
 * Parses a query of the subset, or throws MALFORMED_QUERY with Salesforce's wording.
 *
 * @example
 * parseSoql("SELECT Id, Name FROM Account WHERE Name LIKE 'Acme%' ORDER BY Name").select;
 * // [{ names: ['Id'], offset: 7 }, { names: ['Name'], offset: 11 }]
 */
export function parseSoql(text: string): SoqlQuery {
  const tokens = tokenize(text);
  let index = 0;
  const peek = (): Token => tokens[index] ?? { kind: 'eof', text: '<EOF>', offset: text.length };
  const next = (): Token => {
    const token = peek();
    index += 1;
    return token;
  };
  const isWord = (word: string, token = peek()) =>
    token.kind === 'ident' && token.text.toUpperCase() === word;
  const unexpected = (token = peek()) =>
    soqlError(
      text,
      token.offset,
      'MALFORMED_QUERY',
      `unexpected token: ${token.kind === 'eof' ? '<EOF>' : `'${token.text}'`}`,
    );
  const expectWord = (word: string) => {
    if (!isWord(word)) throw unexpected();
    next();
  };
  const integer = (): number => {
    const token = next();
    if (token.kind !== 'number' || !Number.isInteger(token.value)) throw unexpected(token);
    return Number(token.value);
  };
  const field = (): FieldPath => {
    const token = next();
    if (token.kind !== 'ident' || RESERVED.has(token.text.toUpperCase())) throw unexpected(token);
    return { names: token.text.split('.'), offset: token.offset };
  };

  const literal = (): Literal => {
    const token = next();
    const { offset } = token;
    if (token.kind === 'string') return { kind: 'string', value: String(token.value), offset };
    if (token.kind === 'number') return { kind: 'number', value: Number(token.value), offset };
    if (token.kind === 'datetime') return { kind: 'datetime', value: Number(token.value), offset };
    if (token.kind === 'date') return { kind: 'date', value: String(token.value), offset };
    if (isWord('TRUE', token) || isWord('FALSE', token))
      return { kind: 'boolean', value: isWord('TRUE', token), offset };
    if (isWord('NULL', token)) return { kind: 'null', offset };
    throw unexpected(token);
  };

  const primary = (): Condition => {
    if (peek().kind === '(') {
      next();
      const inner = condition();
      if (peek().kind !== ')') throw unexpected();
      next();
      return inner;
    }
    if (isWord('NOT')) {
      next();
      return { kind: 'not', item: primary() };
    }
    const subject = field();
    const negate = isWord('NOT');
    if (negate) next();
    if (isWord('IN')) {
      next();
      if (peek().kind !== '(') throw unexpected();
      next();
      const values = [literal()];
      while (peek().kind === ',') {
        next();
        values.push(literal());
      }
      if (peek().kind !== ')') throw unexpected();
      next();
      return { kind: 'in', field: subject, values, negate };
    }
    if (negate) throw unexpected();
    if (isWord('LIKE')) {
      next();
      return { kind: 'compare', field: subject, op: 'like', value: literal() };
    }
    const operator = next();
    if (operator.kind !== 'op') throw unexpected(operator);
    const op = operator.text === '<>' ? '!=' : operator.text;
    if (!isOperator(op)) throw unexpected(operator);
    return { kind: 'compare', field: subject, op, value: literal() };
  };

  const condition = (): Condition => {
    const first = primary();
    const items = [first];
    let joiner: 'and' | 'or' | undefined;
    while (isWord('AND') || isWord('OR')) {
      const word = peek().text.toUpperCase() === 'AND' ? 'and' : 'or';
      // SOQL refuses `a AND b OR c`: the grouping has to be spelled out with parentheses.
      if (joiner !== undefined && joiner !== word) throw unexpected();
      joiner = word;
      next();
      items.push(primary());
    }
    return joiner === undefined ? first : { kind: joiner, items };
  };

  expectWord('SELECT');
  let select: FieldPath[] | 'count';
  if (isWord('COUNT') && tokens[index + 1]?.kind === '(') {
    next();
    next();
    if (peek().kind !== ')') throw unexpected();
    next();
    select = 'count';
  } else {
    select = [field()];
    while (peek().kind === ',') {
      next();
      select.push(field());
    }
  }
  expectWord('FROM');
  const object = next();
  if (object.kind !== 'ident' || object.text.includes('.')) throw unexpected(object);
  const query: SoqlQuery = { text, select, from: { name: object.text, offset: object.offset }, orderBy: [] };
  if (isWord('WHERE')) {
    next();
    query.where = condition();
  }
  if (isWord('ORDER')) {
    next();
    expectWord('BY');
    do {
      if (peek().kind === ',') next();
      const item: OrderItem = { field: field(), descending: false, nullsLast: false };
      if (isWord('ASC') || isWord('DESC')) item.descending = next().text.toUpperCase() === 'DESC';
      item.nullsLast = item.descending;
      if (isWord('NULLS')) {
        next();
        if (!isWord('FIRST') && !isWord('LAST')) throw unexpected();
        item.nullsLast = next().text.toUpperCase() === 'LAST';
      }
      query.orderBy.push(item);
    } while (peek().kind === ',');
  }
  if (isWord('LIMIT')) {
    next();
    query.limit = integer();
  }
  if (isWord('OFFSET')) {
    next();
    query.offset = integer();
  }
  if (peek().kind !== 'eof') throw unexpected();
  return query;
}

const RESERVED = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'ORDER',
  'BY',
  'LIMIT',
  'OFFSET',
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'TRUE',
  'FALSE',
  'NULL',
  'GROUP',
  'HAVING',
  'WITH',
  'FOR',
  'ASC',
  'DESC',
  'NULLS',
]);

function isOperator(text: string): text is Operator {
  return ['=', '!=', '<', '<=', '>', '>='].includes(text);
}
