import type { CanonicalAddress } from '@waybill/canonical';
import type { OdooClient } from '../../client/odoo-client.js';
import type { AddressIds } from '../../mapping/address.js';
import { idOf, many2oneOf, recordsOf, textOf } from '../../mapping/odoo-values.js';

/**
 * Country and state ids for canonical addresses (ISO codes → res.country / res.country.state),
 * two calls at most however many addresses there are.
 *
 * @example
 * const ids = await geographyIds(odoo, [address]);
 * ids(address); // { countryId: 56, stateId: 12 }
 */
export async function geographyIds(
  odoo: OdooClient,
  addresses: readonly CanonicalAddress[],
): Promise<(address: CanonicalAddress) => AddressIds> {
  const countryCodes = [...new Set(addresses.map((address) => address.countryCode))];
  const countries = new Map<string, number>();
  if (countryCodes.length > 0) {
    const records = recordsOf(
      await odoo.call('res.country', 'search_read', {
        domain: [['code', 'in', countryCodes]],
        fields: ['id', 'code'],
      }),
    );
    for (const record of records) {
      const code = textOf(record, 'code');
      if (code) countries.set(code.toUpperCase(), idOf(record));
    }
  }
  const regions = [...new Set(addresses.flatMap((address) => (address.region ? [address.region] : [])))];
  const states = new Map<string, number>();
  if (regions.length > 0 && countries.size > 0) {
    const records = recordsOf(
      await odoo.call('res.country.state', 'search_read', {
        domain: [
          ['country_id', 'in', [...countries.values()]],
          ['code', 'in', regions],
        ],
        fields: ['id', 'code', 'country_id'],
      }),
    );
    for (const record of records) {
      const country = many2oneOf(record, 'country_id')?.id;
      const code = textOf(record, 'code');
      if (country !== undefined && code) states.set(`${country}:${code.toUpperCase()}`, idOf(record));
    }
  }
  return (address) => {
    const countryId = countries.get(address.countryCode);
    const stateId =
      countryId !== undefined && address.region
        ? states.get(`${countryId}:${address.region.toUpperCase()}`)
        : undefined;
    return { countryId, stateId };
  };
}

/**
 * ISO codes of the countries and states contacts refer to, for mapping Odoo addresses back.
 *
 * @example
 * const { countryCodes, stateCodes } = await geographyCodes(odoo, contacts);
 * countryCodes.get(56); // 'DE'
 */
export async function geographyCodes(
  odoo: OdooClient,
  contacts: readonly Readonly<Record<string, unknown>>[],
): Promise<{ countryCodes: Map<number, string>; stateCodes: Map<number, string> }> {
  const countryIds = unique(contacts.map((contact) => many2oneOf(contact, 'country_id')?.id));
  const stateIds = unique(contacts.map((contact) => many2oneOf(contact, 'state_id')?.id));
  const countryCodes = await codesOf(odoo, 'res.country', countryIds);
  const stateCodes = await codesOf(odoo, 'res.country.state', stateIds);
  return { countryCodes, stateCodes };
}

async function codesOf(odoo: OdooClient, model: string, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const records = recordsOf(await odoo.call(model, 'read', { ids, fields: ['code'] }));
  const codes = new Map<number, string>();
  for (const record of records) {
    const code = textOf(record, 'code');
    if (code) codes.set(idOf(record), code.toUpperCase());
  }
  return codes;
}

function unique(values: readonly (number | undefined)[]): number[] {
  return [...new Set(values.filter((value): value is number => value !== undefined))];
}
