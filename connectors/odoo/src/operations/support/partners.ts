import type { CanonicalAddress, CanonicalCustomer } from '@waybill/canonical';
import type { OdooClient } from '../../client/odoo-client.js';
import { ADDRESS_FIELDS, type AddressIds, addressValues, sameAddress } from '../../mapping/address.js';
import { CUSTOMER_FIELDS, customerFromPartner, partnerValues } from '../../mapping/customer.js';
import { createdId, idOf, type OdooRecord, recordsOf, textOf } from '../../mapping/odoo-values.js';
import { geographyCodes, geographyIds } from './geography.js';

/**
 * What a customer is matched by, in the order tried.
 *
 * @example
 * const by: MatchedBy = 'vat';
 */
export type MatchedBy = 'odooId' | 'ref' | 'vat' | 'email';

/**
 * The keys a customer can be found by.
 *
 * @example
 * const keys: CustomerKeys = { ref: 'CUST-0001', email: 'buyer@example.com' };
 */
export interface CustomerKeys {
  odooId?: number;
  ref?: string;
  vat?: string;
  email?: string;
}

/**
 * The keys of a canonical customer: its Odoo id (from `externalIds.odoo`), ref, VAT and email.
 *
 * @example
 * customerKeys({ name: 'Acme', ref: 'CUST-0001', externalIds: { odoo: '7' } }); // { odooId: 7, ref: 'CUST-0001' }
 */
export function customerKeys(customer: CanonicalCustomer): CustomerKeys {
  const odooId = Number(customer.externalIds?.odoo);
  return {
    ...(Number.isInteger(odooId) && odooId > 0 ? { odooId } : {}),
    ...(customer.ref ? { ref: customer.ref } : {}),
    ...(customer.vat ? { vat: customer.vat } : {}),
    ...(customer.email ? { email: customer.email } : {}),
  };
}

/**
 * Finds a top-level customer (no parent contact) by Odoo id, then ref, then VAT, then email: the
 * first key that matches wins. VAT and email compare without case or spaces; child contacts are
 * skipped because Odoo copies the VAT onto them and they are not customers of their own.
 *
 * @example
 * const match = await findPartner(odoo, { ref: 'CUST-0001' });
 * match?.partner.id; // 8
 * match?.matchedBy; // 'ref'
 */
export async function findPartner(
  odoo: OdooClient,
  keys: CustomerKeys,
): Promise<{ partner: OdooRecord; matchedBy: MatchedBy } | undefined> {
  const fields = [...CUSTOMER_FIELDS];
  if (keys.odooId !== undefined) {
    const [partner] = recordsOf(
      await odoo.call('res.partner', 'search_read', {
        domain: [['id', '=', keys.odooId]],
        fields,
        limit: 1,
      }),
    );
    // An id copied from another Odoo database must not hijack an unrelated partner.
    const ref = partner && textOf(partner, 'ref');
    if (partner && (keys.ref === undefined || ref === undefined || ref === keys.ref)) {
      return { partner, matchedBy: 'odooId' };
    }
  }
  const attempts: ['ref' | 'vat' | 'email', string | undefined, (record: OdooRecord) => boolean][] = [
    ['ref', keys.ref, (record) => textOf(record, 'ref') === keys.ref],
    ['vat', keys.vat, (record) => compact(textOf(record, 'vat')) === compact(keys.vat)],
    ['email', keys.email, (record) => compact(textOf(record, 'email')) === compact(keys.email)],
  ];
  for (const [field, value, matches] of attempts) {
    if (value === undefined) continue;
    const candidates = recordsOf(
      await odoo.call('res.partner', 'search_read', {
        domain: [...keyDomain(field, value), ['parent_id', '=', false]],
        fields,
        order: 'id asc',
        limit: 20,
      }),
    );
    const partner = candidates.find(matches);
    if (partner) return { partner, matchedBy: field };
  }
  return undefined;
}

/**
 * The invoice and delivery contacts under a partner.
 *
 * @example
 * const children = await addressContacts(odoo, 8);
 */
export async function addressContacts(odoo: OdooClient, partnerId: number): Promise<OdooRecord[]> {
  return recordsOf(
    await odoo.call('res.partner', 'search_read', {
      domain: [
        ['parent_id', '=', partnerId],
        ['type', 'in', ['invoice', 'delivery']],
      ],
      fields: [...ADDRESS_FIELDS],
      order: 'id asc',
    }),
  );
}

/**
 * The id of the child contact holding this address, created when no child of that type has the
 * same postal address yet (so repeating an upsert never piles up copies), updated with the
 * latest name, phone and email when it exists.
 *
 * @example
 * const id = await ensureAddress(odoo, { partnerId: 8, partnerName: 'Acme', type: 'delivery', address, ids, existing });
 */
export async function ensureAddress(
  odoo: OdooClient,
  target: {
    partnerId: number;
    partnerName: string;
    type: 'invoice' | 'delivery';
    address: CanonicalAddress;
    ids: AddressIds;
    existing: OdooRecord[];
  },
): Promise<number> {
  const values = addressValues(target.address, target.ids, {
    type: target.type,
    parentId: target.partnerId,
    fallbackName: target.partnerName,
  });
  const match = target.existing.find(
    (contact) => contact.type === target.type && sameAddress(contact, target.address, target.ids.countryId),
  );
  if (match) {
    await odoo.call('res.partner', 'write', { ids: [idOf(match)], vals: values });
    return idOf(match);
  }
  const id = createdId(await odoo.call('res.partner', 'create', { vals_list: [values] }));
  // Later addresses of the same call must find this one instead of creating it again.
  target.existing.push({ ...values, id, country_id: target.ids.countryId ?? false });
  return id;
}

/**
 * A partner as a canonical customer, with its invoice and delivery contacts.
 *
 * @example
 * const customer = await readCustomer(odoo, partner);
 */
export async function readCustomer(odoo: OdooClient, partner: OdooRecord): Promise<CanonicalCustomer> {
  const children = await addressContacts(odoo, idOf(partner));
  const { countryCodes, stateCodes } = await geographyCodes(odoo, [partner, ...children]);
  return customerFromPartner(partner, children, countryCodes, stateCodes);
}

/** Ref matches exactly; VAT and email without case, VAT also without the spaces people type. */
function keyDomain(field: 'ref' | 'vat' | 'email', value: string): unknown[] {
  const trimmed = value.trim();
  if (field === 'ref') return [['ref', '=', trimmed]];
  const compacted = compact(trimmed);
  if (field === 'email' || compacted === trimmed.toLowerCase()) return [[field, 'ilike', trimmed]];
  return ['|', [field, 'ilike', trimmed], [field, 'ilike', compacted]];
}

function compact(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, '').toLowerCase();
}

/**
 * The result of writing a customer: its partner id, whether it was created, and the contacts of
 * the addresses written.
 *
 * @example
 * const result: UpsertedCustomer = { partnerId: 8, created: false, matchedBy: 'ref', deliveryAddressIds: [32] };
 */
export interface UpsertedCustomer {
  partnerId: number;
  created: boolean;
  matchedBy?: MatchedBy;
  invoiceAddressId?: number;
  deliveryAddressIds: number[];
}

/**
 * Creates or updates a customer and its invoice and delivery contacts: the core of
 * `odoo.upsertCustomer`, shared with `odoo.createSaleOrder` when it may create the customer.
 *
 * @example
 * const { partnerId, created } = await upsertCustomer(odoo, customer, { updateExisting: true });
 */
export async function upsertCustomer(
  odoo: OdooClient,
  customer: CanonicalCustomer,
  options: { updateExisting: boolean; log?: (message: string) => void },
): Promise<UpsertedCustomer> {
  const match = await findPartner(odoo, customerKeys(customer));
  const values = partnerValues(customer);
  let partnerId: number;
  if (match) {
    partnerId = idOf(match.partner);
    if (options.updateExisting) await odoo.call('res.partner', 'write', { ids: [partnerId], vals: values });
  } else {
    partnerId = createdId(await odoo.call('res.partner', 'create', { vals_list: [values] }));
    options.log?.(`Created the customer "${customer.name}" as res.partner ${partnerId}.`);
  }
  const head = { partnerId, created: !match, ...(match ? { matchedBy: match.matchedBy } : {}) };
  const shipping = customer.shippingAddresses ?? [];
  const addresses = [...(customer.billingAddress ? [customer.billingAddress] : []), ...shipping];
  if (addresses.length === 0) return { ...head, deliveryAddressIds: [] };

  const idsOf = await geographyIds(odoo, addresses);
  const existing = match ? await addressContacts(odoo, partnerId) : [];
  const target = { partnerId, partnerName: customer.name, existing };
  const invoiceAddressId = customer.billingAddress
    ? await ensureAddress(odoo, {
        ...target,
        type: 'invoice',
        address: customer.billingAddress,
        ids: idsOf(customer.billingAddress),
      })
    : undefined;
  const deliveryAddressIds: number[] = [];
  for (const address of shipping) {
    deliveryAddressIds.push(
      await ensureAddress(odoo, { ...target, type: 'delivery', address, ids: idsOf(address) }),
    );
  }
  return { ...head, ...(invoiceAddressId !== undefined ? { invoiceAddressId } : {}), deliveryAddressIds };
}
