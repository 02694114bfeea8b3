import type { CanonicalAddress } from '@waybill/canonical';
import { many2oneOf, type OdooRecord, textOf } from './odoo-values.js';

/**
 * Canonical addresses against res.partner addresses. Odoo keeps an address on a contact; a
 * customer's invoice and delivery addresses are child contacts of type `invoice` / `delivery`.
 */

/**
 * The res.partner fields an address is read from.
 *
 * @example
 * odoo.call('res.partner', 'read', { ids: [9], fields: [...ADDRESS_FIELDS] });
 */
export const ADDRESS_FIELDS = [
  'id',
  'type',
  'name',
  'street',
  'street2',
  'city',
  'zip',
  'country_id',
  'state_id',
  'phone',
  'email',
  'parent_id',
] as const;

/**
 * The Odoo ids an address refers to: its country and, when known, its state.
 *
 * @example
 * const geo: AddressIds = { countryId: 56, stateId: 12 };
 */
export interface AddressIds {
  countryId: number | undefined;
  stateId: number | undefined;
}

/**
 * The res.partner values of a child address contact.
 *
 * @example
 * addressValues({ street1: 'Lindenstraße 12', city: 'Berlin', postalCode: '10969', countryCode: 'DE' },
 *   { countryId: 56, stateId: undefined }, { type: 'delivery', parentId: 7, fallbackName: 'Café Lindenhof GmbH' });
 * // { type: 'delivery', parent_id: 7, name: 'Café Lindenhof GmbH', street: 'Lindenstraße 12', street2: false,
 * //   city: 'Berlin', zip: '10969', country_id: 56, state_id: false, ... }
 */
export function addressValues(
  address: CanonicalAddress,
  ids: AddressIds,
  owner: { type: 'invoice' | 'delivery'; parentId: number; fallbackName: string },
): Record<string, unknown> {
  return {
    type: owner.type,
    parent_id: owner.parentId,
    name: address.name ?? address.company ?? owner.fallbackName,
    street: address.street1,
    street2: address.street2 || false,
    city: address.city,
    zip: address.postalCode ?? false,
    country_id: ids.countryId ?? false,
    state_id: ids.stateId ?? false,
    ...(address.phone ? { phone: address.phone } : {}),
    ...(address.email ? { email: address.email } : {}),
  };
}

/**
 * True when an Odoo contact holds the same postal address (street lines, city, postal code and
 * country, compared without case and extra spaces): the match that keeps upserts from adding a
 * second copy of an address on every run.
 *
 * @example
 * sameAddress({ street: 'Lindenstraße 12', city: 'BERLIN', zip: '10969', country_id: [56, 'Germany'] },
 *   { street1: 'Lindenstraße  12', city: 'Berlin', postalCode: '10969', countryCode: 'DE' }, 56); // true
 */
export function sameAddress(
  contact: OdooRecord,
  address: CanonicalAddress,
  countryId: number | undefined,
): boolean {
  return (
    norm(textOf(contact, 'street')) === norm(address.street1) &&
    norm(textOf(contact, 'street2')) === norm(address.street2) &&
    norm(textOf(contact, 'city')) === norm(address.city) &&
    norm(textOf(contact, 'zip')) === norm(address.postalCode) &&
    many2oneOf(contact, 'country_id')?.id === countryId
  );
}

/**
 * A contact's address as a canonical address, or undefined when it has no street, city or country
 * (Odoo contacts often carry only a name and an email).
 *
 * @example
 * addressFromContact({ name: 'Anna', street: 'Lindenstraße 12', city: 'Berlin', zip: '10969', country_id: [56, 'Germany'] },
 *   new Map([[56, 'DE']]), new Map());
 * // { name: 'Anna', street1: 'Lindenstraße 12', city: 'Berlin', postalCode: '10969', countryCode: 'DE' }
 */
export function addressFromContact(
  contact: OdooRecord,
  countryCodes: ReadonlyMap<number, string>,
  stateCodes: ReadonlyMap<number, string>,
): CanonicalAddress | undefined {
  const street1 = textOf(contact, 'street');
  const city = textOf(contact, 'city');
  const countryId = many2oneOf(contact, 'country_id')?.id;
  const countryCode = countryId === undefined ? undefined : countryCodes.get(countryId);
  if (!street1 || !city || !countryCode) return undefined;
  const stateId = many2oneOf(contact, 'state_id')?.id;
  const region = stateId === undefined ? undefined : stateCodes.get(stateId);
  const optional = {
    name: textOf(contact, 'name'),
    street2: textOf(contact, 'street2'),
    region,
    postalCode: textOf(contact, 'zip'),
    phone: textOf(contact, 'phone'),
    email: textOf(contact, 'email'),
  };
  return {
    street1,
    city,
    countryCode,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}

function norm(value: string | undefined): string {
  return (value ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}
