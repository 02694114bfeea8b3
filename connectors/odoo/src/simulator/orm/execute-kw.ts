import { OdooError, userError } from '../errors.js';
import { asIds, isVals } from './args.js';
import { bindArguments, invoke, resolveMethod } from './dispatch.js';
import { findModel } from './registry.js';
import type { Database } from './types.js';

/**
 * `execute_kw(model, method, args, kwargs)` after authentication: record methods take their ids from
 * `args[0]`, `kwargs.context` becomes the environment's context, and create answers an id for a dict.
 */
export function executeKw(
  db: Database,
  uid: number,
  modelName: unknown,
  methodName: unknown,
  args: readonly unknown[],
  rawKwargs: unknown,
): unknown {
  const model = typeof modelName === 'string' ? findModel(db, modelName) : undefined;
  if (!model) throw userError(`Object ${String(modelName)} doesn't exist`);
  const name = String(methodName);
  const method = resolveMethod(model, name);
  const kwargs = isVals(rawKwargs) ? { ...rawKwargs } : {};
  const context = isVals(kwargs.context) ? kwargs.context : {};
  delete kwargs.context;
  let ids: number[] = [];
  let positional = args;
  if (!method.apiModel) {
    if (args.length === 0) throw new OdooError('builtins.IndexError', 'tuple index out of range');
    ids = asIds(args[0]);
    positional = args.slice(1);
  }
  const bound = bindArguments(model, name, method, positional, kwargs, 'call');
  const result = invoke(db, uid, context, model, method, ids, bound);
  // model_create_multi answers a single id when given a single dict.
  if (method.createMulti && isVals(bound.vals_list) && Array.isArray(result)) return result[0];
  return result;
}
