import type { ElementRule, SegmentRule, SetRule } from './rules.js';

type ElementArgs = [
  at: number,
  name: string,
  min: number,
  max: number,
  type: ElementRule['type'],
  reference?: number,
];
// `reference` is the data element dictionary number a 997 reports in AK402; left out where unsure.
const element = (required: boolean, [at, name, min, max, type, reference]: ElementArgs): ElementRule =>
  reference === undefined
    ? { at, name, required, min, max, type }
    : { at, name, required, min, max, type, reference };
const m = (...args: ElementArgs): ElementRule => element(true, args);
const o = (...args: ElementArgs): ElementRule => element(false, args);

/** PO1 of the 850 and 855: checked on every occurrence, so a bad quantity or price is named by line. */
const poLine = (min: number): SegmentRule => ({
  tag: 'PO1',
  min,
  elements: [
    o(1, 'assigned identification', 1, 20, 'AN', 350),
    o(2, 'quantity', 1, 15, 'R', 330),
    o(3, 'unit or basis for measurement code', 2, 2, 'ID', 355),
    o(4, 'unit price', 1, 17, 'R', 212),
    o(6, 'product/service id qualifier', 2, 2, 'ID', 235),
    o(7, 'product/service id', 1, 48, 'AN', 234),
  ],
});

/** CTT, the transaction totals most sets end with. */
const transactionTotals: SegmentRule = {
  tag: 'CTT',
  min: 0,
  max: 1,
  elements: [m(1, 'number of line items', 1, 6, 'N0', 354), o(2, 'hash total', 1, 10, 'R', 347)],
};

/**
 * The transaction sets Waybill validates beyond the envelope, as data. This table covers the
 * beginning (header) segment of each set, element by element, plus the few top-level segments
 * every partner requires (an 850 needs at least one PO1); it is NOT the partners' implementation
 * guides, which add their own mandatory segments and code lists on top.
 *
 * Lengths are the X12 dictionary's for 004010 and 005010. Where 005010 widened an element
 * (reference identification, element 127: 30 → 50) the wider limit is used, so a valid 5010
 * document is never refused; a 4010 value of 31–50 characters is therefore not reported.
 *
 * @example
 * x12SetRules['850']?.segments[0]; // { tag: 'BEG', min: 1, max: 1, first: true, elements: [...] }
 */
export const x12SetRules: Readonly<Record<string, SetRule>> = {
  '850': {
    id: '850',
    name: 'purchase order',
    segments: [
      {
        tag: 'BEG',
        min: 1,
        max: 1,
        first: true,
        elements: [
          m(1, 'transaction set purpose code', 2, 2, 'ID', 353),
          m(2, 'purchase order type code', 2, 2, 'ID', 92),
          m(3, 'purchase order number', 1, 22, 'AN', 324),
          o(4, 'release number', 1, 30, 'AN', 328),
          m(5, 'purchase order date', 8, 8, 'DT', 373),
          o(6, 'contract number', 1, 30, 'AN', 367),
        ],
      },
      poLine(1),
      transactionTotals,
    ],
  },
  '855': {
    id: '855',
    name: 'purchase order acknowledgment',
    segments: [
      {
        tag: 'BAK',
        min: 1,
        max: 1,
        first: true,
        elements: [
          m(1, 'transaction set purpose code', 2, 2, 'ID', 353),
          m(2, 'acknowledgment type', 2, 2, 'ID', 587),
          m(3, 'purchase order number', 1, 22, 'AN', 324),
          m(4, 'purchase order date', 8, 8, 'DT', 373),
          o(5, 'release number', 1, 30, 'AN', 328),
          o(6, 'request reference number', 1, 45, 'AN', 326),
          o(7, 'contract number', 1, 30, 'AN', 367),
          o(8, 'reference identification', 1, 50, 'AN', 127),
          o(9, 'date', 8, 8, 'DT', 373),
        ],
      },
      poLine(0),
      transactionTotals,
    ],
  },
  '856': {
    id: '856',
    name: 'ship notice',
    segments: [
      {
        tag: 'BSN',
        min: 1,
        max: 1,
        first: true,
        elements: [
          m(1, 'transaction set purpose code', 2, 2, 'ID', 353),
          m(2, 'shipment identification', 2, 30, 'AN', 396),
          m(3, 'date', 8, 8, 'DT', 373),
          m(4, 'time', 4, 8, 'TM', 337),
          o(5, 'hierarchical structure code', 4, 4, 'ID', 1005),
        ],
      },
      {
        tag: 'HL',
        min: 1,
        elements: [
          m(1, 'hierarchical id number', 1, 12, 'AN', 628),
          o(2, 'hierarchical parent id number', 1, 12, 'AN', 734),
          m(3, 'hierarchical level code', 1, 2, 'ID', 735),
        ],
      },
      transactionTotals,
    ],
  },
  '810': {
    id: '810',
    name: 'invoice',
    segments: [
      {
        tag: 'BIG',
        min: 1,
        max: 1,
        first: true,
        elements: [
          m(1, 'invoice date', 8, 8, 'DT', 373),
          m(2, 'invoice number', 1, 22, 'AN', 76),
          o(3, 'purchase order date', 8, 8, 'DT', 373),
          o(4, 'purchase order number', 1, 22, 'AN', 324),
          o(5, 'release number', 1, 30, 'AN', 328),
          o(6, 'change order sequence number', 1, 8, 'AN', 327),
          o(7, 'transaction type code', 2, 2, 'ID', 640),
          o(8, 'transaction set purpose code', 2, 2, 'ID', 353),
        ],
      },
      {
        tag: 'IT1',
        min: 0,
        elements: [
          o(1, 'assigned identification', 1, 20, 'AN', 350),
          o(2, 'quantity invoiced', 1, 10, 'R', 358),
          o(3, 'unit or basis for measurement code', 2, 2, 'ID', 355),
          o(4, 'unit price', 1, 17, 'R', 212),
        ],
      },
      // TDS (total monetary value summary) is mandatory in the 810 standard.
      { tag: 'TDS', min: 1, max: 1, elements: [m(1, 'amount', 1, 15, 'N0', 610)] },
      transactionTotals,
    ],
  },
  '846': {
    id: '846',
    name: 'inventory inquiry/advice',
    segments: [
      {
        tag: 'BIA',
        min: 1,
        max: 1,
        first: true,
        elements: [
          m(1, 'transaction set purpose code', 2, 2, 'ID', 353),
          m(2, 'report type code', 2, 2, 'ID', 755),
          m(3, 'reference identification', 1, 50, 'AN', 127),
          m(4, 'date', 8, 8, 'DT', 373),
          o(5, 'time', 4, 8, 'TM', 337),
        ],
      },
      { tag: 'LIN', min: 0 },
      transactionTotals,
    ],
  },
  '940': {
    id: '940',
    name: 'warehouse shipping order',
    segments: [
      {
        tag: 'W05',
        min: 1,
        max: 1,
        first: true,
        elements: [
          // Element 473 is one character in most guides; two are allowed so no guide is refused.
          m(1, 'order status code', 1, 2, 'ID', 473),
          m(2, 'depositor order number', 1, 22, 'AN', 285),
          o(3, 'purchase order number', 1, 22, 'AN', 324),
          o(4, 'reference identification', 1, 50, 'AN'),
        ],
      },
    ],
  },
  '945': {
    id: '945',
    name: 'warehouse shipping advice',
    segments: [
      {
        tag: 'W06',
        min: 1,
        max: 1,
        first: true,
        elements: [
          m(1, 'reporting code', 1, 1, 'ID', 514),
          o(2, 'depositor order number', 1, 22, 'AN', 285),
          o(3, 'date', 8, 8, 'DT', 373),
          o(4, 'shipment identification number', 1, 30, 'AN', 145),
          o(5, 'agent shipment identification number', 1, 30, 'AN', 531),
          o(6, 'purchase order number', 1, 22, 'AN', 324),
        ],
      },
    ],
  },
  '997': {
    id: '997',
    name: 'functional acknowledgment',
    segments: [
      {
        tag: 'AK1',
        min: 1,
        max: 1,
        first: true,
        elements: [
          m(1, 'functional identifier code', 2, 2, 'ID', 479),
          m(2, 'group control number', 1, 9, 'N0', 28),
          o(3, 'version / release / industry identifier code', 1, 12, 'AN', 480),
        ],
      },
      { tag: 'AK2', min: 0 },
      {
        tag: 'AK9',
        min: 1,
        max: 1,
        elements: [
          m(1, 'functional group acknowledge code', 1, 1, 'ID', 715),
          m(2, 'number of transaction sets included', 1, 6, 'N0', 97),
          m(3, 'number of received transaction sets', 1, 6, 'N0', 123),
          m(4, 'number of accepted transaction sets', 1, 6, 'N0', 2),
        ],
      },
    ],
  },
};
