import { readFileSync } from 'node:fs';
import { type ShippedMap, shippedMap } from './map-catalog.js';

const cache = new Map<string, string>();

/**
 * The JSONata text of a shipped map. Maps are files beside the package (connectors/edi/maps), read
 * once: the same path resolves from src/ in tests and from dist/ when built.
 *
 * @example
 * loadMapSource('x12-850-to-order').startsWith('('); // true
 */
export function loadMapSource(id: string): string {
  const cached = cache.get(id);
  if (cached !== undefined) return cached;
  const entry: ShippedMap | undefined = shippedMap(id);
  if (!entry) throw new RangeError(`There is no shipped EDI map "${id}".`);
  const source = readFileSync(new URL(`../../maps/${entry.file}`, import.meta.url), 'utf8');
  cache.set(id, source);
  return source;
}
