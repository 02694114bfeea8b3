import { StringStream } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import { jsonataStreamParser, tokenizeJsonata } from './jsonata-tokenizer.js';

const pairs = (expression: string) => tokenizeJsonata(expression).map((t) => [t.text, t.type]);

describe('tokenizeJsonata', () => {
  it('tells functions, variables, field names, numbers and operators apart', () => {
    expect(pairs('$sum(lines.qty) * 2 + $rate')).toEqual([
      ['$sum', 'variableName.function'],
      ['(', 'bracket'],
      ['lines', 'propertyName'],
      ['.', 'operator'],
      ['qty', 'propertyName'],
      [')', 'bracket'],
      ['*', 'operator'],
      ['2', 'number'],
      ['+', 'operator'],
      ['$rate', 'variableName.special'],
    ]);
  });

  it('reads strings with escapes, backticked names, keywords and multi-character operators', () => {
    expect(pairs(`"a \\" b" & 'c' ~> \`first name\` != null and true`)).toEqual([
      ['"a \\" b"', 'string'],
      ['&', 'operator'],
      ["'c'", 'string'],
      ['~>', 'operator'],
      ['`first name`', 'propertyName'],
      ['!=', 'operator'],
      ['null', 'null'],
      ['and', 'operatorKeyword'],
      ['true', 'bool'],
    ]);
    expect(pairs('$x := 1')).toEqual([
      ['$x', 'variableName.special'],
      [':=', 'operator'],
      ['1', 'number'],
    ]);
  });

  it('reads comments and strings that span lines, with offsets into the whole expression', () => {
    const tokens = tokenizeJsonata('/* one\ntwo */ a\n"x\ny"');
    expect(tokens.map((t) => [t.text, t.type, t.from])).toEqual([
      ['/* one', 'comment', 0],
      ['two */', 'comment', 7],
      ['a', 'propertyName', 14],
      ['"x', 'string', 16],
      ['y"', 'string', 19],
    ]);
  });

  it('reads a slash as division after a value and as a regex elsewhere', () => {
    expect(pairs('total / 2')).toEqual([
      ['total', 'propertyName'],
      ['/', 'operator'],
      ['2', 'number'],
    ]);
    expect(pairs('$match(sku, /^A-\\d+/i)').map((p) => p[1])).toEqual([
      'variableName.function',
      'bracket',
      'propertyName',
      'punctuation',
      'regexp',
      'bracket',
    ]);
  });

  it('marks user functions called by name and the function keyword', () => {
    expect(pairs('function($v) { $v }').map((p) => p[1])).toEqual([
      'keyword',
      'bracket',
      'variableName.special',
      'bracket',
      'bracket',
      'variableName.special',
      'bracket',
    ]);
    expect(pairs('$double(2)')[0]).toEqual(['$double', 'variableName.function']);
  });
});

describe('jsonataStreamParser', () => {
  it('tokenizes when CodeMirror calls token() on its own, without the parser object', () => {
    const { token, startState } = jsonataStreamParser;
    const state = startState?.(2);
    if (!state) throw new Error('no start state');
    const stream = new StringStream('/* note */ "PO" & $x', 2, 2);
    const types: Array<string | null> = [];
    while (!stream.eol()) {
      stream.start = stream.pos;
      types.push(token(stream, state));
    }
    expect(types.filter(Boolean)).toEqual(['comment', 'string', 'operator', 'variableName.special']);
  });
});
