import type { LoopSchema, SetSchema } from '../../document/set-schema.js';

// Loops shared by the header and the PO1 line of an 850, as the 004010 standard lists them;
// 005010 adds no loop these readers need, so one schema serves both releases.
const sac: LoopSchema = { start: 'SAC', id: 'SAC', members: ['CUR', 'CTP'] };
const n9: LoopSchema = { start: 'N9', id: 'N9', members: ['DTM', 'MEA', 'MSG'] };
const lm: LoopSchema = { start: 'LM', id: 'LM', members: ['LQ'] };

/**
 * X12 850 purchase order (004010, read the same way for 005010), functional group PO.
 *
 * Loop ids as the standard names them (what a 997 reports in AK303):
 * - header: `SAC` (SAC, CUR), `AMT` (AMT, REF, DTM, PCT), `N9` (N9, DTM, MSG),
 *   `N1` (N1, N2, N3, N4, NX2, REF, PER, SI, FOB, TD1, TD5, TD3, TD4, PKG), `LM` (LM, LQ),
 *   `ADV` (ADV, DTM, MTX);
 * - detail: `PO1` with its segments (PO4, REF, DTM, TD5, …) and the nested loops `CTP`, `PID`
 *   (PID, MEA), `SAC`, `QTY`, `SCH`, `PKG`, `LDT` (inside LS … LE), `N9`, `N1`, `SLN`, `AMT`, `LM`;
 * - summary: `CTT` (CTT, AMT).
 *
 * Left out because no map reads them and they are rare in distribution: the header SPI loop and
 * the FA1 accounting loops; their segments are kept at the top level of the body.
 *
 * @example
 * readSets(sample850, [x12PurchaseOrder850])[0]?.body.PO1_loop?.length; // 6
 */
export const x12PurchaseOrder850: SetSchema = {
  standard: 'x12',
  id: '850',
  title: 'Purchase order',
  functionalId: 'PO',
  loops: [
    { start: 'SAC', id: 'SAC', members: ['CUR'] },
    { start: 'AMT', id: 'AMT', members: ['REF', 'DTM', 'PCT'] },
    { start: 'N9', id: 'N9', members: ['DTM', 'MSG'] },
    {
      start: 'N1',
      id: 'N1',
      members: ['N2', 'N3', 'N4', 'NX2', 'REF', 'PER', 'SI', 'FOB', 'TD1', 'TD5', 'TD3', 'TD4', 'PKG'],
    },
    lm,
    { start: 'ADV', id: 'ADV', members: ['DTM', 'MTX'] },
    {
      start: 'PO1',
      id: 'PO1',
      members: [
        'LIN',
        'SI',
        'CUR',
        'CN1',
        'PO3',
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
        'IT3',
        'DTM',
        'TC2',
        'TD1',
        'TD5',
        'TD3',
        'TD4',
        'PCT',
        'MAN',
        'MSG',
        'SPI',
        'TXI',
        'CTB',
        'LS',
        'LE',
      ],
      loops: [
        { start: 'CTP', id: 'CTP', members: ['CUR'] },
        { start: 'PID', id: 'PID', members: ['MEA'] },
        sac,
        { start: 'QTY', id: 'QTY', members: ['SI'] },
        { start: 'SCH', id: 'SCH', members: ['TD1', 'TD5', 'TD3', 'TD4', 'REF'] },
        { start: 'PKG', id: 'PKG', members: ['MEA'] },
        { start: 'LDT', id: 'LDT', members: ['QTY', 'MSG', 'REF'], loops: [lm] },
        n9,
        {
          start: 'N1',
          id: 'N1',
          members: [
            'N2',
            'N3',
            'N4',
            'QTY',
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
            'PKG',
          ],
          loops: [{ start: 'LDT', id: 'LDT', members: ['MAN', 'QTY', 'MSG', 'REF'] }],
        },
        {
          start: 'SLN',
          id: 'SLN',
          members: ['MSG', 'SI', 'PID', 'PO3', 'TC2', 'ADV', 'DTM', 'CTP', 'PAM', 'PO4', 'TAX'],
          loops: [
            { start: 'N9', id: 'N9', members: ['DTM', 'MSG'] },
            sac,
            { start: 'QTY', id: 'QTY', members: ['SI'] },
            { start: 'N1', id: 'N1', members: ['N2', 'N3', 'N4', 'NX2', 'REF', 'PER', 'SI'] },
          ],
        },
        { start: 'AMT', id: 'AMT', members: ['REF', 'PCT'] },
        lm,
      ],
    },
    { start: 'CTT', id: 'CTT', members: ['AMT'] },
  ],
};
