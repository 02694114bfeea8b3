import type { LoopSchema, SetSchema } from '../../document/set-schema.js';

const n1: LoopSchema = { start: 'N1', id: 'N1', members: ['N2', 'N3', 'N4', 'REF', 'PER', 'DMG'] };
const lm: LoopSchema = { start: 'LM', id: 'LM', members: ['LQ'] };
const v1: LoopSchema = { start: 'V1', id: 'V1', members: ['R4', 'DTM'] };
const fa1: LoopSchema = { start: 'FA1', id: 'FA1', members: ['FA2'] };
const sac: LoopSchema = { start: 'SAC', id: 'SAC', members: ['TXI'] };

/**
 * X12 810 invoice (4010, read the same way in 5010). Loop ids: heading 'N1' (parties), 'LM',
 * 'N9', 'V1', 'FA1'; detail 'IT1' (one per invoiced line) holding 'PID' (descriptions), 'SAC'
 * (line allowances and charges), 'SLN', 'N1', 'LM', 'V1', 'FA1'; summary 'SAC' (invoice-level
 * allowances and charges) and 'ISS'. TDS ends the detail, so a SAC after it opens the summary
 * SAC loop rather than joining the last IT1.
 *
 * @example
 * readX12Sets(parseX12(text), { 'x12:810': x12Invoice810 })[0]?.body.TDS?.[0]?.TDS01; // '65275'
 */
export const x12Invoice810: SetSchema = {
  standard: 'x12',
  id: '810',
  title: 'Invoice',
  functionalId: 'IN',
  loops: [
    n1,
    lm,
    { start: 'N9', id: 'N9', members: ['MSG'] },
    v1,
    fa1,
    {
      start: 'IT1',
      id: 'IT1',
      members: [
        'CRC',
        'QTY',
        'CUR',
        'IT3',
        'TXI',
        'CTP',
        'PAM',
        'MEA',
        'PWK',
        'PKG',
        'PO4',
        'ITD',
        'REF',
        'YNQ',
        'PER',
        'SDQ',
        'DTM',
        'CAD',
        'L7',
        'SR',
      ],
      loops: [
        { start: 'PID', id: 'PID', members: ['MEA'] },
        sac,
        { start: 'SLN', id: 'SLN', members: ['DTM', 'REF', 'PID', 'SAC', 'TC2', 'TXI'] },
        n1,
        lm,
        v1,
        fa1,
      ],
    },
    sac,
    { start: 'ISS', id: 'ISS', members: ['PID'] },
  ],
};
