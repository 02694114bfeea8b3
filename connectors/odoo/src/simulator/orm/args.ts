import { typeError, valueError } from '../errors.js';
import { pyRepr } from './py-repr.js';
import type { Vals } from './types.js';

/** Readers for method arguments arriving as untyped JSON. */
export const isVals = (value: unknown): value is Vals =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function asVals(value: unknown, what = 'vals'): Vals {
  if (!isVals(value)) throw valueError(`Expected a dict for ${what}, got ${pyRepr(value)}`);
  return value;
}

export function asValsList(value: unknown): Vals[] {
  if (isVals(value)) return [value];
  if (Array.isArray(value) && value.every(isVals)) return value;
  throw valueError(`Expected a dict or a list of dicts, got ${pyRepr(value)}`);
}

/** A recordset argument: an id or a list of ids, as `browse()` accepts. */
export function asIds(value: unknown): number[] {
  if (value === undefined || value === null || value === false) return [];
  if (typeof value === 'number' && Number.isInteger(value)) return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'number' && Number.isInteger(item))) {
    return [...new Set(value)];
  }
  throw typeError(`Expected ids as an integer or a list of integers, got ${pyRepr(value)}`);
}

export function asStringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw typeError(`Expected a list of field names, got ${pyRepr(value)}`);
}

export function asOptionalNumber(value: unknown): number | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (typeof value === 'number') return value;
  throw typeError(`'<' not supported between instances of '${typeof value}' and 'int'`);
}

export function asOptionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function asNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
