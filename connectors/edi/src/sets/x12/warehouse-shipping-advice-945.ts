import type { SetSchema } from '../../document/set-schema.js';

/**
 * X12 945 warehouse shipping advice (004010, read the same way for 005010), functional group SW.
 *
 * Loop ids as the standard names them (what a 997 reports in AK303):
 * - header: `0100` (N1, N2, N3, N4, PER), `0200` (LM, LQ); N9, G61, G62, NTE, W27, W6, W28, W10,
 *   G72 stay at the top level;
 * - detail: `0300` (LX, MAN, PAL, N9) holding `0310` (W12, G69, N9, G62, QTY, MEA, AMT, R4, W27,
 *   N1, G72, LS, LE) and its `0320` (LM, LQ);
 * - summary: W03 at the top level.
 *
 * The LS … LE bounded loop inside 0310 starts with LX again; the reader cannot tell that LX from
 * the next 0300 container, so its contents are not modelled (LS and LE themselves stay in 0310).
 *
 * @example
 * readSets(text, [x12WarehouseShippingAdvice945])[0]?.body.LX_loop?.[0]?.MAN; // [{ MAN01: 'GM', … }]
 */
export const x12WarehouseShippingAdvice945: SetSchema = {
  standard: 'x12',
  id: '945',
  title: 'Warehouse shipping advice',
  functionalId: 'SW',
  loops: [
    { start: 'N1', id: '0100', members: ['N2', 'N3', 'N4', 'PER'] },
    { start: 'LM', id: '0200', members: ['LQ'] },
    {
      start: 'LX',
      id: '0300',
      members: ['MAN', 'PAL', 'N9'],
      loops: [
        {
          start: 'W12',
          id: '0310',
          members: ['G69', 'N9', 'G62', 'QTY', 'MEA', 'AMT', 'R4', 'W27', 'N1', 'G72', 'LS', 'LE'],
          loops: [{ start: 'LM', id: '0320', members: ['LQ'] }],
        },
      ],
    },
  ],
};
