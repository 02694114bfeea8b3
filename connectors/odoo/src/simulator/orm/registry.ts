import { OdooError, valueError } from '../errors.js';
import type { Database, FieldDef, Major, MethodDef, ModelDef } from './types.js';

// Every Odoo model has these "magic" columns (Odoo 17 dropped __last_update).
const MAGIC_FIELDS: Record<string, FieldDef> = {
  id: { type: 'integer', string: 'ID', readonly: true },
  display_name: { type: 'char', string: 'Display Name', readonly: true },
  create_date: { type: 'datetime', string: 'Created on', readonly: true },
  create_uid: { type: 'many2one', string: 'Created by', relation: 'res.users', readonly: true },
  write_date: { type: 'datetime', string: 'Last Updated on', readonly: true },
  write_uid: { type: 'many2one', string: 'Last Updated by', relation: 'res.users', readonly: true },
};

const inVersion = (item: { since?: Major; until?: Major }, major: Major) =>
  (item.since === undefined || major >= item.since) && (item.until === undefined || major <= item.until);

/**
 * The models as one Odoo version has them: fields and methods outside the version are dropped, `_inherits`
 * parents lend their fields, and the generic ORM methods sit under each model's own methods.
 */
export function buildRegistry(
  major: Major,
  models: readonly ModelDef[],
  ormMethods: Record<string, MethodDef>,
): Map<string, ModelDef> {
  const registry = new Map<string, ModelDef>();
  for (const model of models) {
    // Prototype-less maps: a client asking for field "constructor" or method "toString" must find nothing.
    const fields: Record<string, FieldDef> = Object.assign(Object.create(null), MAGIC_FIELDS);
    // `name@18` keys are version-specific variants of `name` (fields and methods alike).
    for (const [key, field] of Object.entries(model.fields))
      if (inVersion(field, major)) fields[key.split('@')[0]!] = field;
    const methods: Record<string, MethodDef> = Object.create(null);
    for (const [key, method] of Object.entries({ ...ormMethods, ...model.methods })) {
      if (inVersion(method, major)) methods[key.split('@')[0]!] = method;
    }
    registry.set(model.name, { ...model, fields, methods });
  }
  for (const model of registry.values()) {
    if (!model.inherits) continue;
    const parent = registry.get(model.inherits.model);
    if (!parent) throw new Error(`${model.name} inherits unknown model ${model.inherits.model}`);
    for (const [name, field] of Object.entries(parent.fields)) {
      if (name in model.fields) continue;
      model.fields[name] = { ...field, inheritedVia: model.inherits.field };
    }
  }
  return registry;
}

export function findModel(db: Database, name: string): ModelDef | undefined {
  const model = db.registry.get(name);
  return model && !model.hidden ? model : undefined;
}

/** The model, for code that names it itself; a miss is a simulator bug, not a client error. */
export function modelOf(db: Database, name: string): ModelDef {
  const model = db.registry.get(name);
  if (!model) throw new OdooError('builtins.KeyError', `'${name}'`);
  return model;
}

/** A field by name, or Odoo's ValueError for a name the model does not have. */
export function fieldOf(model: ModelDef, name: string): FieldDef {
  const field = model.fields[name];
  if (!field) throw valueError(`Invalid field ${quote(name)} on model ${quote(model.name)}`);
  return field;
}

const quote = (text: string) => `'${text}'`;

export function isRelational(field: FieldDef): boolean {
  return field.type === 'many2one' || field.type === 'one2many' || field.type === 'many2many';
}

export function isX2many(field: FieldDef): boolean {
  return field.type === 'one2many' || field.type === 'many2many';
}
