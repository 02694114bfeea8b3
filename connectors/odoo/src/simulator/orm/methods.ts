import { accessError } from '../errors.js';
import { checkAccess, hasAccess } from './access.js';
import { asOptionalNumber, asOptionalString, asStringList, asVals, asValsList } from './args.js';
import { fieldNames, fieldsGet, readRecords, readRow } from './read.js';
import { rowOf } from './rows.js';
import { searchIds, searchRows } from './search.js';
import type { Args, Env, MethodDef, ModelDef, Operation, Vals } from './types.js';
import { unlinkRecords } from './unlink.js';
import { displayName } from './values.js';
import { createRecords, writeRecords } from './write.js';

const searchOptions = (args: Args) => ({
  offset: asOptionalNumber(args.offset) ?? 0,
  limit: asOptionalNumber(args.limit) ?? null,
  order: asOptionalString(args.order) ?? null,
});

function nameSearch(env: Env, model: ModelDef, args: Args, domain: unknown): [number, string][] {
  const name = typeof args.name === 'string' ? args.name : '';
  const operator = typeof args.operator === 'string' ? args.operator : 'ilike';
  const fields = model.nameSearchFields ?? ['display_name'];
  const byName =
    name === '' ? [] : [...fields.slice(1).map(() => '|'), ...fields.map((f) => [f, operator, name])];
  const extra = Array.isArray(domain) ? domain : [];
  const rows = searchRows(env, model, [...extra, ...byName], { limit: asOptionalNumber(args.limit) ?? 100 });
  return rows.map((row) => [row.id, displayName(env, model, row)]);
}

/**
 * The generic ORM methods every model answers (the BaseModel surface external clients use). A key such as
 * `name_search@18` is a version-specific variant of `name_search`.
 */
export const ORM_METHODS: Record<string, MethodDef> = {
  search: {
    apiModel: true,
    params: [
      { name: 'domain', required: true },
      { name: 'offset', default: 0 },
      { name: 'limit' },
      { name: 'order' },
    ],
    run: (env, _ids, args, model) => searchIds(env, model, args.domain, searchOptions(args)),
  },
  search_count: {
    apiModel: true,
    params: [{ name: 'domain', required: true }, { name: 'limit' }],
    run: (env, _ids, args, model) => {
      const found = searchIds(env, model, args.domain).length;
      const limit = asOptionalNumber(args.limit);
      return limit === undefined ? found : Math.min(found, limit);
    },
  },
  search_read: {
    apiModel: true,
    varKwargs: true,
    params: [
      { name: 'domain' },
      { name: 'fields' },
      { name: 'offset', default: 0 },
      { name: 'limit' },
      { name: 'order' },
    ],
    run: (env, _ids, args, model) => {
      const names = fieldNames(model, asStringList(args.fields));
      const load = 'load' in args ? args.load : '_classic_read';
      return searchRows(env, model, args.domain ?? [], searchOptions(args)).map((row) =>
        readRow(env, model, row, names, load),
      );
    },
  },
  read: {
    params: [{ name: 'fields' }, { name: 'load', default: '_classic_read' }],
    run: (env, ids, args, model) => readRecords(env, model, ids, asStringList(args.fields), args.load),
  },
  create: {
    apiModel: true,
    createMulti: true,
    access: { operation: 'create' },
    params: [{ name: 'vals_list', required: true }],
    run: (env, _ids, args, model) => createRecords(env, model, asValsList(args.vals_list)),
  },
  write: {
    access: { operation: 'write' },
    params: [{ name: 'vals', required: true }],
    run: (env, ids, args, model) => {
      writeRecords(env, model, ids, asVals(args.vals));
      return true;
    },
  },
  unlink: {
    access: { operation: 'unlink' },
    params: [],
    run: (env, ids, _args, model) => {
      unlinkRecords(env, model, ids);
      return true;
    },
  },
  exists: {
    params: [],
    run: (env, ids, _args, model) => ids.filter((id) => rowOf(env.db, model.name, id)),
  },
  fields_get: {
    apiModel: true,
    params: [{ name: 'allfields' }, { name: 'attributes' }],
    run: (_env, _ids, args, model) =>
      fieldsGet(model, asStringList(args.allfields), asStringList(args.attributes)),
  },
  name_search: {
    apiModel: true,
    until: 17,
    params: [
      { name: 'name', default: '' },
      { name: 'args' },
      { name: 'operator', default: 'ilike' },
      { name: 'limit', default: 100 },
    ],
    run: (env, _ids, args, model) => nameSearch(env, model, args, args.args),
  },
  'name_search@18': {
    apiModel: true,
    since: 18,
    params: [
      { name: 'name', default: '' },
      { name: 'domain' },
      { name: 'operator', default: 'ilike' },
      { name: 'limit', default: 100 },
    ],
    run: (env, _ids, args, model) => nameSearch(env, model, args, args.domain),
  },
  name_create: {
    apiModel: true,
    access: { operation: 'create' },
    params: [{ name: 'name', required: true }],
    run: (env, _ids, args, model) => {
      const [id] = createRecords(env, model, [{ [model.recName ?? 'name']: args.name }]);
      return [id, displayName(env, model, rowOf(env.db, model.name, id!)!)];
    },
  },
  default_get: {
    apiModel: true,
    params: [{ name: 'fields_list', required: true }],
    run: (env, _ids, args, model) => defaultGet(env, model, asStringList(args.fields_list) ?? []),
  },
  // Odoo 18 replaced check_access_rights with has_access / check_access (and 19 dropped the old name).
  check_access_rights: {
    apiModel: true,
    until: 18,
    params: [
      { name: 'operation', required: true },
      { name: 'raise_exception', default: true },
    ],
    run: (env, _ids, args, model) => {
      const operation = toOperation(args.operation);
      // Dispatch runs methods as superuser; the question here is about the caller.
      const caller = { ...env, su: false };
      if (args.raise_exception === false) return hasAccess(caller, model, operation);
      checkAccess(caller, model, operation);
      return true;
    },
  },
  has_access: {
    since: 18,
    params: [{ name: 'operation', required: true }],
    run: (env, _ids, args, model) => hasAccess({ ...env, su: false }, model, toOperation(args.operation)),
  },
  check_access: {
    since: 18,
    params: [{ name: 'operation', required: true }],
    run: (env, _ids, args, model) => {
      checkAccess({ ...env, su: false }, model, toOperation(args.operation));
      return null;
    },
  },
};

function toOperation(value: unknown): Operation {
  if (value === 'read' || value === 'write' || value === 'create' || value === 'unlink') return value;
  throw accessError(`Invalid access mode: ${String(value)}`);
}

function defaultGet(env: Env, model: ModelDef, names: string[]): Vals {
  const result: Vals = {};
  for (const name of names) {
    const field = model.fields[name];
    if (!field) continue;
    const fromContext = env.context[`default_${name}`];
    if (fromContext !== undefined) result[name] = fromContext;
    else if (field.default !== undefined) {
      result[name] = typeof field.default === 'function' ? field.default(env, result) : field.default;
    }
  }
  return result;
}
