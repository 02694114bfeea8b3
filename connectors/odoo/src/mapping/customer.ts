import type { CanonicalAddress, CanonicalCustomer } from '@waybill/canonical';
import { addressFromContact } from './address.js';
import { booleanOf, type OdooRecord, textOf } from './odoo-values.js';

/**
 * The res.partner fields a customer is read from.
 *
 * @example
 * odoo.call('res.partner', 'search_read', { domain: [['ref', '=', 'CUST-0001']], fields: [...CUSTOMER_FIELDS] });
 */
export const CUSTOMER_FIELDS = [
  'id',
  'name',
  'ref',
  'email',
  'phone',
  'vat',
  'is_company',
  'street',
  'street2',
  'city',
  'zip',
  'country_id',
  'state_id',
  'child_ids',
] as const;

/**
 * The res.partner values of the customer itself (its addresses are child contacts). Absent
 * canonical fields are left out, so an update never blanks what Odoo already knows.
 *
 * @example
 * partnerValues({ ref: 'CUST-0001', name: 'Café Lindenhof GmbH', vat: 'DE812345678', isCompany: true });
 * // { name: 'Café Lindenhof GmbH', ref: 'CUST-0001', vat: 'DE812345678', is_company: true }
 */
export function partnerValues(customer: CanonicalCustomer): Record<string, unknown> {
  const values: Record<string, unknown> = { name: customer.name };
  if (customer.ref !== undefined) values.ref = customer.ref;
  if (customer.email !== undefined) values.email = customer.email;
  if (customer.phone !== undefined) values.phone = customer.phone;
  if (customer.vat !== undefined) values.vat = customer.vat;
  if (customer.isCompany !== undefined) values.is_company = customer.isCompany;
  return values;
}

/**
 * A partner and its child contacts as a canonical customer: the invoice child (or the partner's
 * own address) as billing address, the delivery children as shipping addresses.
 *
 * @example
 * customerFromPartner({ id: 7, name: 'Acme', ref: 'CUST-0001', is_company: true, email: false }, [], new Map(), new Map());
 * // { ref: 'CUST-0001', name: 'Acme', isCompany: true, externalIds: { odoo: '7' } }
 */
export function customerFromPartner(
  partner: OdooRecord,
  children: readonly OdooRecord[],
  countryCodes: ReadonlyMap<number, string>,
  stateCodes: ReadonlyMap<number, string>,
): CanonicalCustomer {
  const invoice = children.find((child) => child.type === 'invoice');
  const billingAddress =
    (invoice && addressFromContact(invoice, countryCodes, stateCodes)) ??
    addressFromContact(partner, countryCodes, stateCodes);
  const shippingAddresses = children
    .filter((child) => child.type === 'delivery')
    .map((child) => addressFromContact(child, countryCodes, stateCodes))
    .filter((address): address is CanonicalAddress => address !== undefined);
  const customer: CanonicalCustomer = {
    name: textOf(partner, 'name') ?? '',
    isCompany: booleanOf(partner, 'is_company'),
    externalIds: { odoo: String(partner.id) },
  };
  const ref = textOf(partner, 'ref');
  const email = textOf(partner, 'email');
  const phone = textOf(partner, 'phone');
  const vat = textOf(partner, 'vat');
  if (ref) customer.ref = ref;
  if (email) customer.email = email;
  if (phone) customer.phone = phone;
  if (vat) customer.vat = vat;
  if (billingAddress) customer.billingAddress = billingAddress;
  if (shippingAddresses.length > 0) customer.shippingAddresses = shippingAddresses;
  return customer;
}
