import { type CompiledExpression, compileExpression } from './compiled-expression.js';
import type { ExpressionLimits } from './expression-limits.js';

/**
 * Compiled expressions shared by every revision that uses the same text, so a revision prepared
 * again (after eviction, or on another flow) does not parse it again. Least recently used entries go
 * first once the cache is full.
 *
 * @example
 * const cache = createExpressionCache(defaultExpressionLimits);
 * cache.get('total > 100', 'config.cases[0].condition') === cache.get('total > 100', 'config.cases[0].condition'); // true
 */
export function createExpressionCache(limits: ExpressionLimits, capacity = 5000) {
  const entries = new Map<string, CompiledExpression>();
  return {
    get(source: string, where: string): CompiledExpression {
      const key = `${where}\u0000${source}`;
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const compiled = compileExpression(source, where, limits);
      entries.set(key, compiled);
      if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
      return compiled;
    },
    get size() {
      return entries.size;
    },
  };
}

export type ExpressionCache = ReturnType<typeof createExpressionCache>;
