import type { SetSchema } from '../../document/set-schema.js';

/**
 * X12 940 warehouse shipping order (004010, read the same way for 005010), functional group OW.
 *
 * Loop ids as the standard names them (what a 997 reports in AK303):
 * - header: `0100` (N1, N2, N3, N4, PER), `0200` (LM, LQ); N9, G61, G62, NTE, W09, W66, W6
 *   stay at the top level;
 * - detail: `0300` (LX, MAN, SDQ, N1, G62) holding `0310` (W01, G69, N9, NTE, W20, QTY, AMT,
 *   G62, G66, N1, PER, LH2, LHR, LH6, LS, LE) and its `0320` (LM, LQ);
 * - summary: W76 at the top level.
 *
 * The LS … LE bounded loop inside 0310 starts with LX again; the reader cannot tell that LX from
 * the next 0300 line, so its contents are not modelled (LS and LE themselves stay in 0310).
 *
 * @example
 * readSets(text, [x12WarehouseShippingOrder940])[0]?.body.LX_loop?.[0]?.W01_loop?.[0]?.W01; // [{ W0101: '12', … }]
 */
export const x12WarehouseShippingOrder940: SetSchema = {
  standard: 'x12',
  id: '940',
  title: 'Warehouse shipping order',
  functionalId: 'OW',
  loops: [
    { start: 'N1', id: '0100', members: ['N2', 'N3', 'N4', 'PER'] },
    { start: 'LM', id: '0200', members: ['LQ'] },
    {
      start: 'LX',
      id: '0300',
      members: ['MAN', 'SDQ', 'N1', 'G62'],
      loops: [
        {
          start: 'W01',
          id: '0310',
          members: [
            'G69',
            'N9',
            'NTE',
            'W20',
            'QTY',
            'AMT',
            'G62',
            'G66',
            'N1',
            'PER',
            'LH2',
            'LHR',
            'LH6',
            'LS',
            'LE',
          ],
          loops: [{ start: 'LM', id: '0320', members: ['LQ'] }],
        },
      ],
    },
  ],
};
