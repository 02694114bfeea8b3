import { isWaybillError } from '@waybill/connector-kit';
import type { OdooClient } from '../../client/odoo-client.js';
import { createdId } from '../../mapping/odoo-values.js';

/**
 * Runs one of Odoo's public wizards the way its form does: create the transient record with the
 * `active_model` / `active_ids` context the form would have, then press its button. Each step
 * is one call (and, on JSON-2, one transaction); the transient record is Odoo's to clean up.
 * Buttons renamed between versions are given newest first: the next name is tried only when
 * Odoo says the method does not exist.
 *
 * @example
 * const action = await runWizard(odoo, {
 *   model: 'sale.advance.payment.inv', buttons: ['create_invoices'],
 *   context: { active_model: 'sale.order', active_ids: [17], active_id: 17 },
 *   values: { advance_payment_method: 'delivered' },
 * });
 */
export async function runWizard(
  odoo: OdooClient,
  wizard: {
    model: string;
    buttons: readonly [string, ...string[]];
    context: Record<string, unknown>;
    values: Record<string, unknown>;
    /** Called between create and the button, e.g. to adjust lines the wizard filled in. */
    prepare?: (wizardId: number) => Promise<void>;
  },
): Promise<unknown> {
  const wizardId = createdId(
    await odoo.call(wizard.model, 'create', { vals_list: [wizard.values], context: wizard.context }),
  );
  await wizard.prepare?.(wizardId);
  const [first, ...older] = wizard.buttons;
  let button = first;
  for (;;) {
    try {
      return await odoo.call(wizard.model, button, { ids: [wizardId], context: wizard.context });
    } catch (error) {
      const next = older.shift();
      if (next === undefined || !isMissingMethod(error)) throw error;
      button = next;
    }
  }
}

/** JSON-RPC says AttributeError, JSON-2 answers 404 NotFound, for a method the server lacks. */
function isMissingMethod(error: unknown): boolean {
  if (!isWaybillError(error)) return false;
  const code = error.info.upstream?.code;
  return code === 'builtins.AttributeError' || code === 'werkzeug.exceptions.NotFound';
}
