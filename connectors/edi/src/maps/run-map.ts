import jsonata from 'jsonata';

/** Guardrails for a map: larger than a transform node's, since one document may carry thousands of lines. */
export const mapLimits = { timeoutMs: 5000, maxDepth: 500, maxSequence: 1_000_000 } as const;

/**
 * A map that failed: a syntax error or a runtime error, with where (a character position) when
 * JSONata gives one. The message is a sentence for the node's error.
 *
 * @example
 * await runMap('$$.', {}, 'x12-850-to-order').catch((e) => e instanceof EdiMapError && e.message);
 */
export class EdiMapError extends Error {
  override readonly name = 'EdiMapError';
  constructor(
    message: string,
    readonly position: number | undefined,
  ) {
    super(message);
  }
}

interface JsonataFailure {
  message?: string;
  position?: number;
  code?: string;
}

/**
 * Compiles and evaluates a map's JSONata over an input document, under `mapLimits`. Results are
 * plain JSON (JSONata's sequences and frozen objects are copied out).
 *
 * @example
 * const order = await runMap(loadMapSource('x12-850-to-order'), setDocument, 'x12-850-to-order');
 */
export async function runMap(source: string, input: unknown, name: string): Promise<unknown> {
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source, {
      timeout: mapLimits.timeoutMs,
      stack: mapLimits.maxDepth,
      sequence: mapLimits.maxSequence,
    });
  } catch (error) {
    throw failure(error, name, 'could not be read');
  }
  try {
    const result = await expression.evaluate(input);
    return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
  } catch (error) {
    throw failure(error, name, 'failed');
  }
}

function failure(error: unknown, name: string, what: string): EdiMapError {
  const detail: JsonataFailure = typeof error === 'object' && error !== null ? error : {};
  const at = typeof detail.position === 'number' ? ` at character ${detail.position}` : '';
  const reason =
    detail.code === 'D1012'
      ? `it ran longer than ${mapLimits.timeoutMs} ms`
      : (detail.message ?? String(error));
  return new EdiMapError(`The map ${name} ${what}${at}: ${reason}.`, detail.position);
}
