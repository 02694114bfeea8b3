import type { LoopSchema, SetSchema } from '../../document/set-schema.js';

const n1: LoopSchema = { start: 'N1', id: 'N1', members: ['N2', 'N3', 'N4', 'REF', 'PER'] };
const lm: LoopSchema = { start: 'LM', id: 'LM', members: ['LQ'] };

/**
 * X12 846 inventory inquiry / advice (4010, read the same way in 5010). Loop ids: heading 'N1'
 * (reporting location, supplier) and 'LM'; detail 'LIN' (one per item) holding 'SLN', 'QTY'
 * (one per quantity reported, with its SCH schedule lines and dates), 'N1' and 'LM'. SCH is kept
 * as a member of QTY, as in 4010; a 5010 SCH followed by MEA reads the same.
 *
 * @example
 * readX12Sets(parseX12(text), { 'x12:846': x12InventoryAdvice846 })[0]?.body.LIN_loop?.[0]?.QTY_loop?.length; // 4
 */
export const x12InventoryAdvice846: SetSchema = {
  standard: 'x12',
  id: '846',
  title: 'Inventory inquiry / advice',
  functionalId: 'IB',
  loops: [
    n1,
    lm,
    {
      start: 'LIN',
      id: 'LIN',
      members: [
        'PID',
        'MEA',
        'PKG',
        'DTM',
        'CTP',
        'CUR',
        'SAC',
        'REF',
        'PER',
        'SDQ',
        'MAN',
        'UIT',
        'CS',
        'DD',
        'G53',
        'PCT',
        'LDT',
      ],
      loops: [
        { start: 'SLN', id: 'SLN', members: ['PID', 'MEA', 'PKG', 'MAN'] },
        { start: 'QTY', id: 'QTY', members: ['UIT', 'MEA', 'LDT', 'DTM', 'SCH'] },
        n1,
        lm,
      ],
    },
  ],
};
