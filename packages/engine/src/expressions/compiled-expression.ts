import { userError } from '@waybill/connector-kit';
import jsonata from 'jsonata';
import type { ExpressionLimits } from './expression-limits.js';
import { plainResult } from './plain-result.js';

/**
 * A JSONata expression compiled once and evaluated many times under guardrails.
 *
 * @example
 * const total = compileExpression('$sum(lines.amount)', 'config.expression', defaultExpressionLimits);
 * await total.evaluate({ lines: [{ amount: 2 }] }, {}); // 2
 */
export interface CompiledExpression {
  readonly source: string;
  evaluate(input: unknown, bindings: Record<string, unknown>): Promise<unknown>;
}

interface JsonataError {
  code?: string;
  message?: string;
  position?: number;
  token?: string;
}

/**
 * Compiles an expression. `where` names it in error messages (e.g. "config.expression"). A syntax
 * error is reported when the expression is evaluated, so one bad expression fails its node rather
 * than the whole revision (the validator has already reported it at save time).
 */
export function compileExpression(
  source: string,
  where: string,
  limits: ExpressionLimits,
): CompiledExpression {
  let compiled: jsonata.Expression | undefined;
  let syntaxError: JsonataError | undefined;
  try {
    compiled = jsonata(source, {
      timeout: limits.timeoutMs,
      stack: limits.maxDepth,
      sequence: limits.maxSequence,
    });
  } catch (error) {
    syntaxError = error as JsonataError;
  }
  return {
    source,
    async evaluate(input, bindings) {
      if (!compiled) throw describe(syntaxError ?? {}, where, limits);
      try {
        return plainResult(await compiled.evaluate(input, bindings));
      } catch (error) {
        throw describe(error as JsonataError, where, limits);
      }
    },
  };
}

function describe(error: JsonataError, where: string, limits: ExpressionLimits) {
  const at = typeof error.position === 'number' ? ` (at character ${error.position})` : '';
  const position = typeof error.position === 'number' ? { position: error.position } : {};
  switch (error.code) {
    case 'D1012':
      return userError({
        code: 'EXPRESSION_TIMEOUT',
        message: `The expression in ${where} ran longer than its ${limits.timeoutMs} ms limit and was stopped; look for a loop or recursion that never ends.`,
        details: position,
      });
    case 'D1011':
    case 'U1001':
      return userError({
        code: 'EXPRESSION_TOO_DEEP',
        message: `The expression in ${where} nested deeper than ${limits.maxDepth} steps; look for recursion that never ends.`,
        details: position,
      });
    case 'D2014':
    case 'D2015':
      return userError({
        code: 'EXPRESSION_SEQUENCE_TOO_LONG',
        message: `The expression in ${where} built a sequence longer than ${limits.maxSequence.toLocaleString('en-US')} items${at}.`,
        details: position,
      });
    default: {
      const message = (error.message ?? 'it could not be evaluated').replace(/\.$/, '');
      const syntax = typeof error.code === 'string' && error.code.startsWith('S');
      return userError({
        code: syntax ? 'EXPRESSION_SYNTAX' : 'EXPRESSION_ERROR',
        message: `The expression in ${where} ${syntax ? 'is not valid JSONata' : 'failed'}: ${message}${at}.`,
        details: { ...position, ...(error.code ? { jsonataCode: error.code } : {}) },
      });
    }
  }
}
