import type { SetRule } from './rules.js';

/**
 * The EDIFACT messages Waybill validates beyond the envelope, as data: each must begin with BGM
 * right after UNH and carry at least one DTM (the document date). This covers the header only,
 * not the EANCOM or partner guides.
 *
 * @example
 * edifactMessageRules.ORDERS?.segments.map((s) => s.tag); // ['BGM', 'DTM']
 */
export const edifactMessageRules: Readonly<Record<string, SetRule>> = {
  ORDERS: {
    id: 'ORDERS',
    name: 'purchase order message',
    segments: [
      { tag: 'BGM', min: 1, max: 1, first: true },
      { tag: 'DTM', min: 1 },
    ],
  },
  DESADV: {
    id: 'DESADV',
    name: 'despatch advice message',
    segments: [
      { tag: 'BGM', min: 1, max: 1, first: true },
      { tag: 'DTM', min: 1 },
    ],
  },
  INVOIC: {
    id: 'INVOIC',
    name: 'invoice message',
    segments: [
      { tag: 'BGM', min: 1, max: 1, first: true },
      { tag: 'DTM', min: 1 },
    ],
  },
};
