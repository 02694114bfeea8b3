import { validationError } from '../errors.js';
import { deleteRow, idsPointingTo, requireRows, setStored, tableOf } from './rows.js';
import type { Env, ModelDef } from './types.js';

/**
 * `unlink()`: model hooks first (business rules such as "cancel it first"), then what PostgreSQL's foreign
 * keys would do: cascade, set null, or refuse when a record still needs the one being deleted.
 */
export function unlinkRecords(env: Env, model: ModelDef, ids: readonly number[]): void {
  if (ids.length === 0) return;
  requireRows(env, model.name, ids);
  model.beforeUnlink?.(env, [...ids]);
  removeRows(env, model, ids);
}

function removeRows(env: Env, model: ModelDef, ids: readonly number[]): void {
  const doomed = new Set(ids);
  for (const other of env.db.registry.values()) {
    for (const [name, field] of Object.entries(other.fields)) {
      if (field.relation !== model.name || field.compute || field.inheritedVia) continue;
      if (field.type === 'many2many') {
        for (const row of tableOf(env.db, other.name).values()) {
          const value = row[name];
          if (Array.isArray(value) && value.some((id) => doomed.has(id))) {
            setStored(
              env.db,
              other.name,
              row,
              name,
              value.filter((id) => !doomed.has(id)),
            );
          }
        }
        continue;
      }
      if (field.type !== 'many2one') continue;
      const referencing = ids.flatMap((id) => idsPointingTo(env.db, other.name, name, id));
      const outside = referencing.filter((id) => !(other.name === model.name && doomed.has(id)));
      if (outside.length === 0) continue;
      const ondelete = field.ondelete ?? (field.required ? 'restrict' : 'set null');
      if (ondelete === 'cascade') removeRows(env, other, outside);
      else if (ondelete === 'set null') {
        for (const row of requireRows(env, other.name, outside))
          setStored(env.db, other.name, row, name, false);
      } else {
        throw validationError(
          'The operation cannot be completed: another model requires the record being deleted. ' +
            `If possible, archive it instead.\n\nModel: ${other.description} (${other.name})\n` +
            `Constraint: ${other.name.replace(/\./g, '_')}_${name}_fkey\n`,
        );
      }
    }
  }
  for (const id of ids) deleteRow(env.db, model.name, id);
}
