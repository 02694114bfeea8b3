import { userError } from '@waybill/connector-kit';

const MODEL = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
const METHOD = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Refuses a model or method name Odoo would not expose before anything is sent: private methods
 * (a leading underscore) are not callable from outside, and a name with a slash or dot in the
 * wrong place would change the JSON-2 URL.
 *
 * @example
 * checkNames('sale.order', 'action_confirm'); // ok
 * checkNames('sale.order', '_action_confirm'); // throws WaybillError ODOO_PRIVATE_METHOD
 */
export function checkNames(model: string, method: string): void {
  if (!MODEL.test(model)) {
    throw userError({
      code: 'ODOO_INVALID_MODEL',
      message: `"${model.slice(0, 100)}" is not an Odoo model name; write it like sale.order or res.partner.`,
    });
  }
  if (method.startsWith('_')) {
    throw userError({
      code: 'ODOO_PRIVATE_METHOD',
      message: `"${method.slice(0, 100)}" is a private method (it starts with "_"), which Odoo does not let external callers run; call a public method such as an action_ method instead.`,
    });
  }
  if (!METHOD.test(method)) {
    throw userError({
      code: 'ODOO_INVALID_METHOD',
      message: `"${method.slice(0, 100)}" is not an Odoo method name; use letters, digits and underscores.`,
    });
  }
}

/**
 * The server URL of a credential without trailing slashes, so paths can be appended.
 *
 * @example
 * baseUrl('https://erp.example.com/'); // 'https://erp.example.com'
 */
export function baseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
