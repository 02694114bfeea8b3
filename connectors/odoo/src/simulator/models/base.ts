import { validationError } from '../errors.js';
import { asStringList } from '../orm/args.js';
import { browse, record, search } from '../orm/records.js';
import type { Env, ModelDef, Row } from '../orm/types.js';
import { boolean, char, float, html, many2one, monetary, one2many, selection } from './fields.js';

const ADDRESS_TYPES = [
  ['contact', 'Contact'],
  ['invoice', 'Invoice Address'],
  ['delivery', 'Delivery Address'],
  ['other', 'Other Address'],
] as const;

const typeLabel = (type: string) => ADDRESS_TYPES.find(([key]) => key === type)?.[1] ?? '';

// "Acme Corp, Delivery Address": Odoo's complete_name for a child contact, with the address type when unnamed.
function completeName(env: Env, row: Row): string {
  const partner = record(env, 'res.partner', row.id);
  const own = partner.str('name') || typeLabel(partner.str('type'));
  const parent = partner.rel('parent_id');
  return parent && !partner.bool('is_company') ? `${parent.str('name')}, ${own}` : own;
}

function commercialPartner(env: Env, row: Row): number {
  let partner = record(env, 'res.partner', row.id);
  for (;;) {
    const parent = partner.rel('parent_id');
    if (partner.bool('is_company') || !parent) return partner.id;
    partner = parent;
  }
}

/** Receivable of the commercial entity: posted customer invoices minus credit notes still open. */
function partnerCredit(env: Env, row: Row): number {
  const commercial = commercialPartner(env, row);
  const moves = search(env, 'account.move', [
    ['state', '=', 'posted'],
    ['move_type', 'in', ['out_invoice', 'out_refund']],
  ]);
  return moves
    .filter((move) => {
      const partner = move.rel('partner_id');
      return partner !== undefined && commercialPartner(env, partner.row) === commercial;
    })
    .reduce((sum, move) => sum + move.num('amount_residual_signed'), 0);
}

function checkContactName(env: Env, ids: number[]): void {
  for (const partner of browse(env, 'res.partner', ids)) {
    if (partner.str('type') === 'contact' && !partner.str('name')) {
      throw validationError('The operation cannot be completed: Contacts require a name');
    }
  }
}

export const resPartner: ModelDef = {
  name: 'res.partner',
  description: 'Contact',
  order: 'complete_name ASC, id DESC',
  parentName: 'parent_id',
  accessGroups: 'Extra Rights/Contact Creation',
  nameSearchFields: ['complete_name', 'email', 'ref', 'vat'],
  displayName: completeName,
  fields: {
    name: char('Name'),
    complete_name: char('Complete Name', { compute: completeName }),
    ref: char('Reference'),
    vat: char('Tax ID'),
    email: char('Email'),
    phone: char('Phone'),
    mobile: char('Mobile', { until: 17 }),
    website: char('Website Link'),
    function: char('Job Position'),
    street: char('Street'),
    street2: char('Street2'),
    city: char('City'),
    zip: char('Zip'),
    state_id: many2one('res.country.state', 'State', { ondelete: 'restrict' }),
    country_id: many2one('res.country', 'Country', { ondelete: 'restrict' }),
    country_code: char('Country Code', {
      compute: (env, row) => record(env, 'res.partner', row.id).rel('country_id')?.str('code') || false,
    }),
    is_company: boolean('Is a Company', { default: false }),
    company_type: selection(
      'Company Type',
      [
        ['person', 'Individual'],
        ['company', 'Company'],
      ],
      {
        compute: (_env, row) => (row.is_company ? 'company' : 'person'),
        inverse: (env, row, value) =>
          record(env, 'res.partner', row.id).write({ is_company: value === 'company' }),
      },
    ),
    company_name: char('Company Name'),
    parent_id: many2one('res.partner', 'Related Company'),
    child_ids: one2many('res.partner', 'parent_id', 'Contact'),
    commercial_partner_id: many2one('res.partner', 'Commercial Entity', { compute: commercialPartner }),
    type: selection('Address Type', ADDRESS_TYPES, { default: 'contact' }),
    customer_rank: float('Customer Rank', { default: 0 }),
    supplier_rank: float('Supplier Rank', { default: 0 }),
    active: boolean('Active', { default: true }),
    lang: selection(
      'Language',
      [
        ['en_US', 'English (US)'],
        ['fr_FR', 'French / Français'],
        ['de_DE', 'German / Deutsch'],
        ['nl_NL', 'Dutch / Nederlands'],
      ],
      { default: 'en_US' },
    ),
    comment: html('Notes'),
    company_id: many2one('res.company', 'Company'),
    credit_limit: float('Credit Limit', { default: 0 }),
    use_partner_credit_limit: boolean('Partner Limit', { default: false }),
    credit: monetary('Total Receivable', { compute: partnerCredit }),
    sale_order_ids: one2many('sale.order', 'partner_id', 'Sales Order'),
    invoice_ids: one2many('account.move', 'partner_id', 'Invoices'),
  },
  afterCreate: checkContactName,
  afterWrite: checkContactName,
  methods: {
    address_get: {
      params: [{ name: 'adr_pref' }],
      run: (env, ids, args) => addressGet(env, ids, asStringList(args.adr_pref) ?? ['contact']),
    },
  },
};

// res.partner.address_get: the partner itself or its first child of each requested type, else the partner.
function addressGet(env: Env, ids: number[], types: string[]): Record<string, number | false> {
  const result: Record<string, number | false> = {};
  const [partner] = browse(env, 'res.partner', ids.slice(0, 1));
  for (const type of new Set([...types, 'contact'])) {
    if (!partner) {
      result[type] = false;
      continue;
    }
    const candidates = [partner, ...partner.list('child_ids')];
    result[type] = candidates.find((candidate) => candidate.str('type') === type)?.id ?? partner.id;
  }
  return result;
}

export const resCompany: ModelDef = {
  name: 'res.company',
  description: 'Companies',
  order: 'sequence, name',
  fields: {
    name: char('Company Name', { required: true }),
    sequence: float('Sequence', { default: 10 }),
    partner_id: many2one('res.partner', 'Partner', { required: true }),
    currency_id: many2one('res.currency', 'Currency', { required: true }),
    country_id: many2one('res.country', 'Country'),
    email: char('Email'),
    phone: char('Phone'),
    vat: char('Tax ID'),
  },
};

export const resUsers: ModelDef = {
  name: 'res.users',
  description: 'User',
  order: 'name, login',
  accessGroups: 'Administration/Access Rights',
  fields: {
    name: char('Name', { required: true }),
    login: char('Login', { required: true }),
    partner_id: many2one('res.partner', 'Related Partner', { ondelete: 'restrict' }),
    company_id: many2one('res.company', 'Company'),
    active: boolean('Active', { default: true }),
    lang: char('Language', { default: 'en_US' }),
    tz: char('Timezone', { default: 'Europe/Brussels' }),
    share: boolean('Share User', { default: false }),
  },
  methods: {
    context_get: {
      apiModel: true,
      params: [],
      run: (env) => {
        const user = record(env, 'res.users', env.uid);
        return { lang: user.str('lang') || 'en_US', tz: user.str('tz') || false, uid: env.uid };
      },
    },
  },
};

export const resCountry: ModelDef = {
  name: 'res.country',
  description: 'Country',
  order: 'name',
  fields: {
    name: char('Country Name', { required: true }),
    code: char('Country Code', { required: true }),
    currency_id: many2one('res.currency', 'Currency'),
    phone_code: float('Country Calling Code'),
    state_ids: one2many('res.country.state', 'country_id', 'States'),
  },
};

export const resCountryState: ModelDef = {
  name: 'res.country.state',
  description: 'Country state',
  order: 'code',
  displayName: (env, row) => {
    const state = record(env, 'res.country.state', row.id);
    return `${state.str('name')} (${state.rel('country_id')?.str('code') ?? ''})`;
  },
  fields: {
    name: char('State Name', { required: true }),
    code: char('State Code', { required: true }),
    country_id: many2one('res.country', 'Country', { required: true }),
  },
};

export const resCurrency: ModelDef = {
  name: 'res.currency',
  description: 'Currency',
  order: 'active desc, name',
  fields: {
    name: char('Currency', { required: true }),
    symbol: char('Symbol', { required: true }),
    full_name: char('Name'),
    rate: float('Current Rate', { compute: (_env, row) => Number(row.__rate ?? 1) }),
    rounding: float('Rounding Factor', { default: 0.01 }),
    decimal_places: float('Decimal Places', { compute: () => 2 }),
    position: selection(
      'Symbol Position',
      [
        ['after', 'After Amount'],
        ['before', 'Before Amount'],
      ],
      { default: 'after' },
    ),
    active: boolean('Active', { default: true }),
  },
};

export const BASE_MODELS: readonly ModelDef[] = [
  resPartner,
  resCompany,
  resUsers,
  resCountry,
  resCountryState,
  resCurrency,
];
