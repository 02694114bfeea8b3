import { accessError, OdooError, typeError } from '../errors.js';
import { checkAccess } from './access.js';
import { ORM_METHODS } from './methods.js';
import { modelOf } from './registry.js';
import { transaction } from './rows.js';
import type { Args, Database, Env, MethodDef, ModelDef } from './types.js';

// Attributes `get_public_method` refuses besides the `_`-prefixed ones.
const UNSAFE = new Set([
  'init',
  'clear_caches',
  'pool',
  'env',
  'browse',
  'with_context',
  'with_user',
  'sudo',
]);

/**
 * Odoo's `get_public_method`: private names are an AccessError, unknown names an AttributeError (which
 * JSON-2 turns into a 404).
 */
export function resolveMethod(model: ModelDef, name: string): MethodDef {
  if (name.startsWith('_') || UNSAFE.has(name)) {
    throw accessError(`Private methods (such as '${model.name}.${name}') cannot be called remotely.`);
  }
  const method = model.methods?.[name];
  if (!method)
    throw new OdooError('builtins.AttributeError', `The method '${model.name}.${name}' does not exist`);
  return method;
}

/**
 * Binds positional and named arguments to the method's parameters like Python does. `style` picks the
 * wording: 'call' for the TypeError of a direct call (JSON-RPC), 'bind' for `inspect.signature.bind`
 * (JSON-2 reports those as 422).
 */
export function bindArguments(
  model: ModelDef,
  name: string,
  method: MethodDef,
  positional: readonly unknown[],
  named: Args,
  style: 'call' | 'bind',
): Args {
  const label = `${className(model, method)}.${name}()`;
  const fail = (callText: string, bindText: string) =>
    typeError(style === 'call' ? `${label} ${callText}` : bindText);
  const params = method.params;
  if (positional.length > params.length) {
    throw fail(
      `takes ${params.length + 1} positional arguments but ${positional.length + 1} were given`,
      'too many positional arguments',
    );
  }
  const bound: Args = {};
  positional.forEach((value, index) => {
    bound[params[index]!.name] = value;
  });
  for (const [key, value] of Object.entries(named)) {
    const known = params.some((param) => param.name === key);
    if (!known && !method.varKwargs) {
      throw fail(
        `got an unexpected keyword argument '${key}'`,
        `got an unexpected keyword argument '${key}'`,
      );
    }
    if (key in bound)
      throw fail(`got multiple values for argument '${key}'`, `multiple values for argument '${key}'`);
    bound[key] = value;
  }
  for (const param of params) {
    if (param.name in bound) continue;
    if (param.required) {
      throw fail(
        `missing 1 required positional argument: '${param.name}'`,
        `missing a required argument: '${param.name}'`,
      );
    }
    if (param.default !== undefined) bound[param.name] = param.default;
  }
  return bound;
}

// Generic ORM methods live on BaseModel; business ones on the model's class (sale.order → SaleOrder).
function className(model: ModelDef, method: MethodDef): string {
  if (Object.values(ORM_METHODS).includes(method)) return 'BaseModel';
  return model.name
    .split('.')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** Runs a resolved method as `uid`, after the access check it declares. */
export function invoke(
  db: Database,
  uid: number,
  context: Record<string, unknown>,
  model: ModelDef,
  method: MethodDef,
  ids: number[],
  args: Args,
): unknown {
  const env: Env = { db, uid, context, su: false };
  if (method.access)
    checkAccess(env, method.access.model ? modelOf(db, method.access.model) : model, method.access.operation);
  // Business code writes as superuser from here on: the caller's rights were checked above.
  return transaction(db, () => method.run({ ...env, su: true }, ids, args, model));
}
