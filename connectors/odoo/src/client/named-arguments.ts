import { userError } from '@waybill/connector-kit';
import type { NamedArguments } from './odoo-client.js';

/**
 * Parameter names of the ORM methods, in order, after `self`: JSON-2 only takes named
 * arguments, so a positional `execute_kw`-style call is translated with these.
 */
const ORM_PARAMETERS: Record<string, { records: boolean; names: readonly string[] }> = {
  search_read: { records: false, names: ['domain', 'fields', 'offset', 'limit', 'order'] },
  search: { records: false, names: ['domain', 'offset', 'limit', 'order'] },
  search_count: { records: false, names: ['domain', 'limit'] },
  create: { records: false, names: ['vals_list'] },
  default_get: { records: false, names: ['fields_list'] },
  fields_get: { records: false, names: ['allfields', 'attributes'] },
  name_search: { records: false, names: ['name', 'domain', 'operator', 'limit'] },
  read: { records: true, names: ['fields', 'load'] },
  write: { records: true, names: ['vals'] },
  unlink: { records: true, names: [] },
  copy: { records: true, names: ['default'] },
};

/**
 * Turns `execute_kw` arguments into named ones. For record methods the first positional argument
 * is the ids; further positional arguments are named only for the ORM methods above, because
 * nothing outside Odoo knows the parameter names of other methods.
 *
 * @example
 * toNamedArguments('sale.order', 'write', [[7], { note: 'x' }], {}); // { ids: [7], vals: { note: 'x' } }
 * toNamedArguments('sale.order', 'action_confirm', [[7]], {});      // { ids: [7] }
 */
export function toNamedArguments(
  model: string,
  method: string,
  args: readonly unknown[],
  kwargs: Record<string, unknown>,
): NamedArguments {
  const known = ORM_PARAMETERS[method];
  const named: NamedArguments = {};
  let rest = [...args];
  if ((known === undefined || known.records) && rest.length > 0) {
    const [first, ...others] = rest;
    const ids = idsOf(first);
    if (ids !== undefined) {
      named.ids = ids;
      rest = others;
    } else if (known?.records) {
      throw positionalError(model, method, 'its first argument must be a list of record ids');
    }
  }
  if (rest.length > 0) {
    if (known === undefined) {
      throw positionalError(model, method, 'pass its parameters by name instead');
    }
    if (rest.length > known.names.length) {
      throw positionalError(model, method, `it takes at most ${known.names.length} arguments after the ids`);
    }
    rest.forEach((value, index) => {
      const name = known.names[index];
      if (name !== undefined) named[name] = value;
    });
  }
  return { ...named, ...kwargs };
}

function idsOf(value: unknown): number[] | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return [value];
  if (Array.isArray(value) && value.every((id) => typeof id === 'number' && Number.isInteger(id))) {
    return value.filter((id): id is number => typeof id === 'number');
  }
  return undefined;
}

function positionalError(model: string, method: string, hint: string) {
  return userError({
    code: 'ODOO_POSITIONAL_ARGUMENTS',
    message: `The JSON-2 API takes only named arguments, and ${model}.${method} cannot be called with these positional ones: ${hint}.`,
  });
}
