import { validationError } from '../errors.js';
import { parseCommands, type X2manyCommand } from './commands.js';
import { convertScalar, isNullValue } from './convert.js';
import { formatDatetime } from './dates.js';
import { fieldOf, modelOf } from './registry.js';
import { idsPointingTo, insertRow, nextId, requireRows, setStored } from './rows.js';
import type { Env, FieldDef, ModelDef, Row, Vals, Value } from './types.js';
import { unlinkRecords } from './unlink.js';

const MAGIC = new Set(['id', 'display_name', 'create_date', 'create_uid', 'write_date', 'write_uid']);

type Pending = { row: Row; name: string; field: FieldDef; raw: unknown };

/** `create(vals_list)`: defaults, sequences, x2many commands, inverses and hooks; returns the new ids. */
export function createRecords(env: Env, model: ModelDef, valsList: readonly Vals[]): number[] {
  const ids: number[] = [];
  const completed: Vals[] = [];
  for (const input of valsList) {
    const vals: Vals = { ...input };
    for (const name of Object.keys(vals)) fieldOf(model, name);
    // Hooks see what the caller gave (like Odoo's precomputed fields), then plain defaults fill the rest.
    model.prepareCreate?.(env, vals);
    applyDefaults(env, model, vals);
    const parentVals = splitInherited(model, vals);
    if (model.inherits) ensureParent(env, model, vals, parentVals);
    const now = formatDatetime(env.db.now());
    const row: Row = { id: nextId(env.db, model.name), create_date: now, write_date: now };
    row.create_uid = env.uid;
    row.write_uid = env.uid;
    const deferred: Pending[] = [];
    for (const [name, raw] of Object.entries(vals)) {
      // `__` keys are bookkeeping a model's prepareCreate stores on the row; clients cannot send them.
      if (name.startsWith('__')) {
        if (isValue(raw)) row[name] = raw;
        continue;
      }
      const field = model.fields[name]!;
      if (MAGIC.has(name) || field.inheritedVia) continue;
      if (field.compute || field.type === 'one2many') deferred.push({ row, name, field, raw });
      else if (field.type === 'many2many')
        row[name] = applyMany2many(env, field, [], commandsFor(model, name, raw));
      else row[name] = convertScalar(env, model, name, field, raw);
    }
    checkRequired(model, row);
    insertRow(env.db, model.name, row);
    applyDeferred(env, model, deferred);
    ids.push(row.id);
    completed.push(vals);
  }
  model.afterCreate?.(env, ids, completed);
  return ids;
}

/** `write(vals)` on existing records; bumps write_date so pollers see the change. */
export function writeRecords(env: Env, model: ModelDef, ids: readonly number[], input: Vals): void {
  if (ids.length === 0) return;
  const rows = requireRows(env, model.name, ids);
  const vals: Vals = { ...input };
  for (const name of Object.keys(vals)) fieldOf(model, name);
  model.beforeWrite?.(env, [...ids], vals);
  const parentVals = splitInherited(model, vals);
  const now = formatDatetime(env.db.now());
  for (const row of rows) {
    if (model.inherits && Object.keys(parentVals).length > 0) {
      const parent = modelOf(env.db, model.inherits.model);
      writeRecords(env, parent, [Number(row[model.inherits.field])], parentVals);
    }
    const deferred: Pending[] = [];
    for (const [name, raw] of Object.entries(vals)) {
      const field = model.fields[name]!;
      if (MAGIC.has(name) || field.inheritedVia) continue;
      if (field.compute || field.type === 'one2many') deferred.push({ row, name, field, raw });
      else if (field.type === 'many2many') {
        const stored = row[name];
        const current = Array.isArray(stored) ? stored : [];
        setStored(
          env.db,
          model.name,
          row,
          name,
          applyMany2many(env, field, current, commandsFor(model, name, raw)),
        );
      } else setStored(env.db, model.name, row, name, convertScalar(env, model, name, field, raw));
    }
    checkRequired(model, row);
    setStored(env.db, model.name, row, 'write_date', now);
    setStored(env.db, model.name, row, 'write_uid', env.uid);
    applyDeferred(env, model, deferred);
  }
  model.afterWrite?.(env, [...ids], vals);
}

const isValue = (raw: unknown): raw is Value =>
  typeof raw === 'string' ||
  typeof raw === 'number' ||
  typeof raw === 'boolean' ||
  (Array.isArray(raw) && raw.every((item) => typeof item === 'number'));

function applyDefaults(env: Env, model: ModelDef, vals: Vals): void {
  for (const [name, field] of Object.entries(model.fields)) {
    if (name in vals || MAGIC.has(name)) continue;
    const fromContext = env.context[`default_${name}`];
    if (fromContext !== undefined) vals[name] = fromContext;
    else if (field.default !== undefined && !field.inheritedVia) {
      vals[name] = typeof field.default === 'function' ? field.default(env, vals) : field.default;
    }
  }
}

/** `_inherits`: values of delegated fields belong to the parent record. */
function splitInherited(model: ModelDef, vals: Vals): Vals {
  const parentVals: Vals = {};
  for (const name of Object.keys(vals)) {
    if (model.fields[name]?.inheritedVia) {
      parentVals[name] = vals[name];
      delete vals[name];
    }
  }
  return parentVals;
}

function ensureParent(env: Env, model: ModelDef, vals: Vals, parentVals: Vals): void {
  const parent = modelOf(env.db, model.inherits!.model);
  const link = model.inherits!.field;
  const parentId = vals[link];
  if (typeof parentId === 'number' && parentId > 0) {
    if (Object.keys(parentVals).length > 0) writeRecords(env, parent, [parentId], parentVals);
    return;
  }
  // Like Odoo's create_product_product context: the parent must not create a sibling of this record.
  const parentEnv: Env = { ...env, context: { ...env.context, create_product_product: true } };
  vals[link] = createRecords(parentEnv, parent, [parentVals])[0];
}

function commandsFor(model: ModelDef, name: string, raw: unknown): X2manyCommand[] {
  return parseCommands(`${model.name}.${name}`, raw);
}

function applyDeferred(env: Env, model: ModelDef, deferred: Pending[]): void {
  for (const { row, name, field, raw } of deferred) {
    if (field.type === 'one2many') applyOne2many(env, field, row.id, commandsFor(model, name, raw));
    else if (field.inverse) {
      const value: Value =
        field.type === 'many2many'
          ? applyMany2many(env, field, [], commandsFor(model, name, raw))
          : convertScalar(env, model, name, field, raw);
      field.inverse(env, row, value);
    }
    // A computed field without inverse ignores writes, as Odoo does once it recomputes.
  }
}

function applyMany2many(env: Env, field: FieldDef, current: number[], commands: X2manyCommand[]): number[] {
  const comodel = modelOf(env.db, field.relation!);
  let ids = [...current];
  for (const command of commands) {
    switch (command.kind) {
      case 'create':
        ids.push(...createRecords(env, comodel, [command.vals]));
        break;
      case 'update':
        writeRecords(env, comodel, [command.id], command.vals);
        break;
      case 'delete':
        unlinkRecords(env, comodel, [command.id]);
        ids = ids.filter((id) => id !== command.id);
        break;
      case 'unlink':
        ids = ids.filter((id) => id !== command.id);
        break;
      case 'link':
        requireRows(env, comodel.name, [command.id]);
        if (!ids.includes(command.id)) ids.push(command.id);
        break;
      case 'clear':
        ids = [];
        break;
      case 'set':
        requireRows(env, comodel.name, command.ids);
        ids = [...new Set(command.ids)];
        break;
    }
  }
  return ids;
}

function applyOne2many(env: Env, field: FieldDef, parentId: number, commands: X2manyCommand[]): void {
  const comodel = modelOf(env.db, field.relation!);
  const inverse = field.inverseName!;
  const inverseField = comodel.fields[inverse]!;
  const detach = (ids: number[]) => {
    if (ids.length === 0) return;
    // A required back-reference cannot be emptied, so Odoo deletes the line instead.
    if (inverseField.required || inverseField.ondelete === 'cascade') unlinkRecords(env, comodel, ids);
    else writeRecords(env, comodel, ids, { [inverse]: false });
  };
  const current = () => idsPointingTo(env.db, comodel.name, inverse, parentId);
  for (const command of commands) {
    switch (command.kind) {
      case 'create':
        createRecords(env, comodel, [{ ...command.vals, [inverse]: parentId }]);
        break;
      case 'update':
        writeRecords(env, comodel, [command.id], command.vals);
        break;
      case 'delete':
        unlinkRecords(env, comodel, [command.id]);
        break;
      case 'unlink':
        detach([command.id]);
        break;
      case 'link':
        writeRecords(env, comodel, [command.id], { [inverse]: parentId });
        break;
      case 'clear':
        detach(current());
        break;
      case 'set': {
        detach(current().filter((id) => !command.ids.includes(id)));
        const toLink = command.ids.filter((id) => !current().includes(id));
        if (toLink.length > 0) writeRecords(env, comodel, toLink, { [inverse]: parentId });
        break;
      }
    }
  }
}

/** NOT NULL violations surface through the RPC layer as this ValidationError. */
function checkRequired(model: ModelDef, row: Row): void {
  for (const [name, field] of Object.entries(model.fields)) {
    if (!field.required || field.compute || field.inheritedVia || field.type === 'one2many') continue;
    if (!isNullValue(field, row[name])) continue;
    throw validationError(
      'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n' +
        '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
        `Model: ${model.description} (${model.name})\nField: ${field.string} (${name})\n`,
    );
  }
}
