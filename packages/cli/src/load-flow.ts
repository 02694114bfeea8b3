import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { CliError } from './cli-error.js';

export interface LoadedFlow {
  /** The flow.json path. */
  path: string;
  /** The folder holding flow.json, layout.json and tests/. */
  dir: string;
  /** Parsed but not yet validated. */
  definition: unknown;
}

/**
 * Reads a flow from a folder (flow.json, plus layout.json when present) or from a JSON file.
 *
 * @example
 * const { definition } = await loadFlow('flows/shopify-order-intake');
 */
export async function loadFlow(target: string): Promise<LoadedFlow> {
  const absolute = resolve(target);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new CliError(`There is no flow at ${target}.`);
  const path = info.isDirectory() ? join(absolute, 'flow.json') : absolute;
  const dir = dirname(path);
  const definition = await readJsonFile(path, 'flow');
  if (basename(path) === 'flow.json' && isRecord(definition) && definition.layout === undefined) {
    const layoutPath = join(dir, 'layout.json');
    if (await stat(layoutPath).catch(() => undefined))
      definition.layout = await readJsonFile(layoutPath, 'layout');
  }
  return { path, dir, definition };
}

/**
 * Reads and parses a JSON file, naming the file and the line and column of a syntax error.
 *
 * @example
 * await readJsonFile('input.json', 'input'); // throws CliError('The input file input.json is not valid JSON: … (line 3, column 7).')
 */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CliError(`The ${what} file ${path} cannot be read.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`The ${what} file ${path} is not valid JSON: ${describeJsonError(text)}.`);
  }
}

/** Names the first syntax error and where it is; JSON.parse alone does not always say where. */
function describeJsonError(text: string): string {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return 'it could not be parsed';
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  return `${JSON_ERRORS[printParseErrorCode(first.error)] ?? 'unexpected text'} (line ${line}, column ${column})`;
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a quoted property name was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'the text goes on after the JSON value ends',
  InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut off',
  InvalidUnicode: 'malformed unicode escape',
  InvalidEscapeCharacter: 'malformed escape character',
  InvalidCharacter: 'a control character must be escaped',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
