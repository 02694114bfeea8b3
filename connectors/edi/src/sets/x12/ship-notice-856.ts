import type { LoopSchema, SetSchema } from '../../document/set-schema.js';

const n1: LoopSchema = { start: 'N1', id: 'N1', members: ['N2', 'N3', 'N4', 'REF', 'PER', 'FOB'] };

/**
 * X12 856 ship notice / manifest (4010, read the same way in 5010). The detail is one `HL` loop
 * repeated for every level of the hierarchy (shipment, order, tare, pack, item), so its members
 * are those of all levels and each occurrence says what it is in HL03; the hierarchy itself is
 * rebuilt from the HL02 parent numbers, not from nesting. Loop ids: 'HL', and inside it 'N1'
 * (parties), 'LH1' (hazardous material), 'CLD' (load detail), 'SAC', 'LM' and 'V1'. BSN and the
 * header DTM precede the first HL; CTT follows the last one.
 *
 * @example
 * readX12Sets(parseX12(text), { 'x12:856': x12ShipNotice856 })[0]?.body.HL_loop?.length; // 5 for S, O, P, I, I
 */
export const x12ShipNotice856: SetSchema = {
  standard: 'x12',
  id: '856',
  title: 'Ship notice / manifest',
  functionalId: 'SH',
  loops: [
    {
      start: 'HL',
      id: 'HL',
      members: [
        'LIN',
        'SN1',
        'SLN',
        'PRF',
        'PO4',
        'PID',
        'MEA',
        'PWK',
        'PKG',
        'TD1',
        'TD5',
        'TD3',
        'TD4',
        'TSD',
        'REF',
        'PER',
        'MAN',
        'DTM',
        'FOB',
        'PAL',
        'SDQ',
        'ETD',
        'CUR',
        'GF',
        'YNQ',
      ],
      loops: [
        n1,
        {
          start: 'LH1',
          id: 'LH1',
          members: ['LH2', 'LH3', 'LFH', 'LEP', 'LH4', 'LHT', 'LHR', 'PER', 'LHE'],
        },
        { start: 'CLD', id: 'CLD', members: ['REF', 'DTP'] },
        { start: 'SAC', id: 'SAC', members: ['CUR'] },
        { start: 'LM', id: 'LM', members: ['LQ'] },
        { start: 'V1', id: 'V1', members: ['R4', 'DTM'] },
      ],
    },
  ],
};
