import { ApiError } from './api-error.js';

/** Deepest nesting of objects and arrays a request body may have. */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses a JSON request body safely: nesting deeper than MAX_JSON_DEPTH is refused before parsing
 * (a 100,000-deep document must not exhaust the stack), and `__proto__` keys are dropped so no
 * later merge can reach an object's prototype.
 *
 * @example
 * parseJsonBody('{"a":{"__proto__":{"x":1}}}'); // { a: {} }
 */
export function parseJsonBody(text: string): unknown {
  const depth = maxDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    throw new ApiError(
      400,
      'JSON_TOO_DEEP',
      `The request body nests ${depth > 10_000 ? 'more than 10,000' : depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted.`,
    );
  }
  try {
    return JSON.parse(text, (key, value) => (key === '__proto__' ? undefined : value));
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\.$/, '') : 'it could not be parsed';
    throw new ApiError(400, 'MALFORMED_JSON', `The request body is not valid JSON: ${reason}.`);
  }
}

/** Nesting depth of brackets outside strings; stops counting once far past any limit. */
function maxDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) {
      inString = true;
    } else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > 10_001) return deepest;
      }
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) {
      depth--;
    }
  }
  return deepest;
}
