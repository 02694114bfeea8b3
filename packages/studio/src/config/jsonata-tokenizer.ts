import { type StreamParser, StringStream } from '@codemirror/language';

/**
 * A CodeMirror stream tokenizer for JSONata. Token names are @lezer/highlight tag names, so
 * any highlight style colours them.
 */

export interface JsonataTokenState {
  /** Inside a block comment that continues on the next line. */
  comment: boolean;
  /** The quote of a string (or backticked name) that continues on the next line. */
  quote: '"' | "'" | '`' | null;
  /** The last token was a value, so `/` divides; otherwise it starts a regex. */
  afterValue: boolean;
}

/** JSONata's built-in functions, for highlighting and for completion after `$`. */
export const JSONATA_FUNCTIONS = [
  'abs',
  'append',
  'assert',
  'average',
  'base64decode',
  'base64encode',
  'boolean',
  'ceil',
  'contains',
  'count',
  'decodeUrl',
  'decodeUrlComponent',
  'distinct',
  'each',
  'encodeUrl',
  'encodeUrlComponent',
  'error',
  'eval',
  'exists',
  'filter',
  'floor',
  'formatBase',
  'formatInteger',
  'formatNumber',
  'fromMillis',
  'join',
  'keys',
  'length',
  'lookup',
  'lowercase',
  'map',
  'match',
  'max',
  'merge',
  'millis',
  'min',
  'not',
  'now',
  'number',
  'pad',
  'parseInteger',
  'power',
  'random',
  'reduce',
  'replace',
  'reverse',
  'round',
  'shuffle',
  'sift',
  'single',
  'sort',
  'split',
  'spread',
  'sqrt',
  'string',
  'substring',
  'substringAfter',
  'substringBefore',
  'sum',
  'toMillis',
  'trim',
  'type',
  'uppercase',
  'zip',
] as const;

const BUILTINS = new Set<string>(JSONATA_FUNCTIONS);
const WORD_OPERATORS = new Set(['and', 'or', 'in']);
const OPERATORS = /^(?::=|~>|!=|<=|>=|\.\.|\?:|\?\?|[-+*/%=<>&!?:.^#@|~])/;

function readString(stream: StringStream, state: JsonataTokenState): void {
  const quote = state.quote;
  while (!stream.eol()) {
    const c = stream.next();
    if (c === '\\' && quote !== '`') stream.next();
    else if (c === quote) {
      state.quote = null;
      return;
    }
  }
}

export const jsonataStreamParser: StreamParser<JsonataTokenState> = {
  name: 'jsonata',
  startState: () => ({ comment: false, quote: null, afterValue: false }),
  copyState: (state) => ({ ...state }),
  // CodeMirror calls token() without its object (no `this`), so it recurses through readToken.
  token: (stream, state) => readToken(stream, state),
  languageData: {
    commentTokens: { block: { open: '/*', close: '*/' } },
    closeBrackets: { brackets: ['(', '[', '{', '"', "'", '`'] },
  },
};

function readToken(stream: StringStream, state: JsonataTokenState): string | null {
  if (state.comment) {
    if (stream.skipTo('*/')) {
      stream.pos += 2;
      state.comment = false;
    } else stream.skipToEnd();
    return 'comment';
  }
  if (state.quote) {
    const backtick = state.quote === '`';
    readString(stream, state);
    state.afterValue = true;
    return backtick ? 'propertyName' : 'string';
  }
  if (stream.eatSpace()) return null;
  if (stream.match('/*')) {
    state.comment = true;
    return readToken(stream, state);
  }
  const c = stream.peek() ?? '';
  if (c === '"' || c === "'" || c === '`') {
    stream.next();
    state.quote = c;
    return readToken(stream, state);
  }
  if (stream.match(/^\d+(\.\d+)?([eE][-+]?\d+)?/)) {
    state.afterValue = true;
    return 'number';
  }
  const variable = stream.match(/^\$\$?[\p{L}\p{N}_]*/u) as RegExpMatchArray | null;
  if (variable) {
    state.afterValue = true;
    const name = variable[0].replace(/^\$+/, '');
    const called = /^\s*\(/.test(stream.string.slice(stream.pos));
    return BUILTINS.has(name) || (called && name) ? 'variableName.function' : 'variableName.special';
  }
  const word = stream.match(/^[\p{L}_][\p{L}\p{N}_]*/u) as RegExpMatchArray | null;
  if (word) {
    const name = word[0];
    state.afterValue = !WORD_OPERATORS.has(name) && name !== 'function';
    if (WORD_OPERATORS.has(name)) return 'operatorKeyword';
    if (name === 'true' || name === 'false') return 'bool';
    if (name === 'null') return 'null';
    if (name === 'function') return 'keyword';
    return 'propertyName';
  }
  if (c === '/' && !state.afterValue && stream.match(/^\/(?:\\.|[^/\\])+\/[im]*/)) {
    state.afterValue = true;
    return 'regexp';
  }
  if (stream.match(OPERATORS)) {
    state.afterValue = false;
    return 'operator';
  }
  stream.next();
  if (c === 'λ') {
    state.afterValue = false;
    return 'keyword';
  }
  if (')]}'.includes(c)) {
    state.afterValue = true;
    return 'bracket';
  }
  state.afterValue = false;
  if ('([{'.includes(c)) return 'bracket';
  if (c === ',' || c === ';') return 'punctuation';
  return 'invalid';
}

/** One token of `tokenizeJsonata`: its text, its offset in the expression and its highlight name. */
export interface JsonataToken {
  from: number;
  text: string;
  type: string;
}

/**
 * Runs the tokenizer over a whole expression (whitespace dropped), as the editor would.
 *
 * @example
 * tokenizeJsonata('$sum(lines.qty)').map((t) => t.type);
 * // ['variableName.function', 'bracket', 'propertyName', 'operator', 'propertyName', 'bracket']
 */
export function tokenizeJsonata(expression: string): JsonataToken[] {
  const state = jsonataStreamParser.startState!(2);
  const tokens: JsonataToken[] = [];
  let offset = 0;
  for (const line of expression.split('\n')) {
    const stream = new StringStream(line, 2, 2);
    while (!stream.eol()) {
      const type = jsonataStreamParser.token(stream, state);
      if (type) tokens.push({ from: offset + stream.start, text: stream.current(), type });
      stream.start = stream.pos;
    }
    offset += line.length + 1;
  }
  return tokens;
}
