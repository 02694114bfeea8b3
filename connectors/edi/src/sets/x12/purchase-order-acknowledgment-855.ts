import type { SetSchema } from '../../document/set-schema.js';

/**
 * X12 855 purchase order acknowledgment (004010, read the same way for 005010), functional
 * group PR.
 *
 * Loop ids as the standard names them (what a 997 reports in AK303):
 * - header: `SAC` (SAC, CUR), `N9` (N9, DTM, MSG),
 *   `N1` (N1, N2, N3, N4, NX2, REF, PER, SI, FOB, TD1, TD5, TD3, TD4, PKG, MSG), `ADV` (ADV, DTM, MTX);
 * - detail: `PO1` with its segments (CTP, PO4, REF, DTM, …) and the nested loops `PID` (PID, MEA),
 *   `SAC`, `ACK` (ACK, DTM), `QTY`, `PKG`, `SCH` (SCH, TD1, TD5, TD3, TD4, REF), `N9`, `N1`, `SLN`;
 * - summary: `CTT` (CTT, AMT).
 *
 * @example
 * readSets(sample855, [x12PurchaseOrderAcknowledgment855])[0]?.body.PO1_loop?.[0]?.ACK_loop; // [{ ACK: [{ ACK01: 'IA', … }] }]
 */
export const x12PurchaseOrderAcknowledgment855: SetSchema = {
  standard: 'x12',
  id: '855',
  title: 'Purchase order acknowledgment',
  functionalId: 'PR',
  loops: [
    { start: 'SAC', id: 'SAC', members: ['CUR'] },
    { start: 'N9', id: 'N9', members: ['DTM', 'MSG'] },
    {
      start: 'N1',
      id: 'N1',
      members: ['N2', 'N3', 'N4', 'NX2', 'REF', 'PER', 'SI', 'FOB', 'TD1', 'TD5', 'TD3', 'TD4', 'PKG', 'MSG'],
    },
    { start: 'ADV', id: 'ADV', members: ['DTM', 'MTX'] },
    {
      start: 'PO1',
      id: 'PO1',
      members: [
        'LIN',
        'SI',
        'CUR',
        'PO3',
        'CTP',
        'PAM',
        'MEA',
        'PWK',
        'PO4',
        'REF',
        'PER',
        'IT8',
        'CSH',
        'ITD',
        'DIS',
        'INC',
        'TAX',
        'FOB',
        'SDQ',
        'DTM',
        'LDT',
        'TD1',
        'TD5',
        'TD3',
        'TD4',
        'MAN',
        'AMT',
        'CTB',
        'TXI',
      ],
      loops: [
        { start: 'PID', id: 'PID', members: ['MEA'] },
        { start: 'SAC', id: 'SAC', members: ['CUR'] },
        { start: 'ACK', id: 'ACK', members: ['DTM'] },
        { start: 'QTY', id: 'QTY', members: ['SI'] },
        { start: 'PKG', id: 'PKG', members: ['MEA'] },
        { start: 'SCH', id: 'SCH', members: ['TD1', 'TD5', 'TD3', 'TD4', 'REF'] },
        { start: 'N9', id: 'N9', members: ['DTM', 'MSG'] },
        {
          start: 'N1',
          id: 'N1',
          members: [
            'N2',
            'N3',
            'N4',
            'NX2',
            'REF',
            'PER',
            'SI',
            'DTM',
            'FOB',
            'SCH',
            'TD1',
            'TD5',
            'TD3',
            'TD4',
            'QTY',
            'PKG',
          ],
        },
        {
          start: 'SLN',
          id: 'SLN',
          members: ['MSG', 'SI', 'PID', 'PO3', 'CTP', 'PAM', 'ACK', 'DTM', 'PO4', 'TAX', 'ADV'],
          loops: [
            { start: 'SAC', id: 'SAC', members: ['CUR'] },
            { start: 'QTY', id: 'QTY', members: ['SI'] },
            { start: 'N9', id: 'N9', members: ['DTM', 'MSG'] },
            { start: 'N1', id: 'N1', members: ['N2', 'N3', 'N4', 'NX2', 'REF', 'PER', 'SI'] },
          ],
        },
      ],
    },
    { start: 'CTT', id: 'CTT', members: ['AMT'] },
  ],
};
