import { accessError } from '../errors.js';
import type { Env, ModelDef, Operation } from './types.js';

const VERB: Record<Operation, string> = {
  read: 'access',
  write: 'modify',
  create: 'create',
  unlink: 'delete',
};

/**
 * Model access rights. The read-only integration user may read every model and change none; transient
 * wizards stay open to everyone (as in Odoo) and their actions check the model they change.
 */
export function checkAccess(env: Env, model: ModelDef, operation: Operation): void {
  if (env.su || operation === 'read' || model.transient) return;
  if (env.db.users.get(env.uid)?.readOnly !== true) return;
  throw accessError(
    `You are not allowed to ${VERB[operation]} '${model.description}' (${model.name}) records.\n\n` +
      `This operation is allowed for the following groups:\n\t- ${model.accessGroups ?? 'Administration/Settings'}\n\n` +
      'Contact your administrator to request access if necessary.',
  );
}

export function hasAccess(env: Env, model: ModelDef, operation: Operation): boolean {
  try {
    checkAccess(env, model, operation);
    return true;
  } catch {
    return false;
  }
}
