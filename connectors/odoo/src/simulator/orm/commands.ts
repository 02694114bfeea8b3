import { valueError } from '../errors.js';
import { pyRepr } from './py-repr.js';
import type { Vals } from './types.js';

/** Odoo's x2many write commands, `Command.create(...)` … `Command.set(...)`, as (code, id, vals) triples. */
export type X2manyCommand =
  | { kind: 'create'; vals: Vals }
  | { kind: 'update'; id: number; vals: Vals }
  | { kind: 'delete'; id: number }
  | { kind: 'unlink'; id: number }
  | { kind: 'link'; id: number }
  | { kind: 'clear' }
  | { kind: 'set'; ids: number[] };

const isVals = (value: unknown): value is Vals =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the value given to an x2many field: a list of commands, a bare list of ids (a `set`, as Odoo accepts
 * for convenience) or False (clear).
 */
export function parseCommands(fieldLabel: string, value: unknown): X2manyCommand[] {
  if (value === false || value === null) return [{ kind: 'clear' }];
  if (!Array.isArray(value)) throw valueError(`Wrong value for ${fieldLabel}: ${pyRepr(value)}`);
  if (value.every((item) => typeof item === 'number')) return [{ kind: 'set', ids: value }];
  return value.map((item) => parseCommand(fieldLabel, item));
}

function parseCommand(fieldLabel: string, item: unknown): X2manyCommand {
  if (!Array.isArray(item) || item.length === 0 || typeof item[0] !== 'number') {
    throw valueError(`Wrong value for ${fieldLabel}: ${pyRepr(item)}`);
  }
  const [code, second, third] = item;
  const id = typeof second === 'number' ? second : Number.NaN;
  switch (code) {
    case 0:
      if (!isVals(third)) break;
      return { kind: 'create', vals: third };
    case 1:
      if (!Number.isInteger(id) || !isVals(third)) break;
      return { kind: 'update', id, vals: third };
    case 2:
    case 3:
    case 4:
      if (!Number.isInteger(id)) break;
      return { kind: code === 2 ? 'delete' : code === 3 ? 'unlink' : 'link', id };
    case 5:
      return { kind: 'clear' };
    case 6: {
      const ids = Array.isArray(third)
        ? third.filter((entry): entry is number => typeof entry === 'number')
        : [];
      return { kind: 'set', ids };
    }
  }
  throw valueError(`Wrong value for ${fieldLabel}: ${pyRepr(item)}`);
}
