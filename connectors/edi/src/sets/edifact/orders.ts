import type { SetSchema } from '../../document/set-schema.js';

/**
 * EDIFACT ORDERS (purchase order), directory D.96A as EANCOM 1997 uses it. Loops by start segment:
 * header SG1 RFF, SG2 NAD (SG3 RFF, SG4 DOC, SG5 CTA), SG6 TAX, SG7 CUX, SG8 PAT, SG9 TDT (SG10
 * LOC), SG11 TOD, SG12 PAC (SG13 PCI), SG14 EQD, SG15 SCC (SG16 QTY), SG17 APR, SG18 ALC (SG19 QTY,
 * SG20 PCD, SG21 MOA, SG22 RTE, SG23 TAX), SG24 RCS; detail SG25 LIN with SG26 CCI, SG27 PAT, SG28
 * PRI, SG29 RFF, SG30 PAC (SG31 RFF, SG32 PCI), SG33 LOC, SG34 TAX, SG35 NAD (SG36 RFF, SG37 DOC,
 * SG38 CTA), SG39 ALC (SG40 QTY, SG41 PCD, SG42 MOA, SG43 RTE, SG44 TAX), SG45 TDT (SG46 LOC), SG47
 * TOD, SG48 EQD, SG49 SCC (SG50 QTY), SG51 RCS, SG52 STG (SG53 QTY). The summary ALC group reads into
 * the same `ALC_loop` as SG18 (loops are keyed by their start segment); UNS, MOA and CNT stay at
 * the top.
 *
 * D.01B (EANCOM 2002) numbers the groups differently (the line group is SG28 there) but opens them
 * with the same segments, so a D.01B ORDERS reads into the same shape.
 *
 * @example
 * const [order] = readEdifactMessages(parseEdifact(text), { 'edifact:ORDERS': edifactOrders });
 * order?.body.LIN_loop?.[0]?.QTY; // [{ QTY01: ['21', '8'] }]
 */
export const edifactOrders: SetSchema = {
  standard: 'edifact',
  id: 'ORDERS',
  title: 'Purchase order',
  loops: [
    { start: 'RFF', id: 'SG1', members: ['DTM'] },
    {
      start: 'NAD',
      id: 'SG2',
      members: ['LOC', 'FII'],
      loops: [
        { start: 'RFF', id: 'SG3', members: ['DTM'] },
        { start: 'DOC', id: 'SG4', members: ['DTM'] },
        { start: 'CTA', id: 'SG5', members: ['COM'] },
      ],
    },
    { start: 'TAX', id: 'SG6', members: ['MOA', 'LOC'] },
    { start: 'CUX', id: 'SG7', members: ['PCD', 'DTM'] },
    { start: 'PAT', id: 'SG8', members: ['DTM', 'PCD', 'MOA'] },
    { start: 'TDT', id: 'SG9', members: [], loops: [{ start: 'LOC', id: 'SG10', members: ['DTM'] }] },
    { start: 'TOD', id: 'SG11', members: ['LOC'] },
    {
      start: 'PAC',
      id: 'SG12',
      members: ['MEA'],
      loops: [{ start: 'PCI', id: 'SG13', members: ['RFF', 'DTM', 'GIN'] }],
    },
    { start: 'EQD', id: 'SG14', members: ['HAN', 'MEA', 'FTX'] },
    {
      start: 'SCC',
      id: 'SG15',
      members: ['FTX', 'RFF'],
      loops: [{ start: 'QTY', id: 'SG16', members: ['DTM'] }],
    },
    { start: 'APR', id: 'SG17', members: ['DTM', 'RNG'] },
    {
      start: 'ALC',
      id: 'SG18',
      members: ['ALI', 'DTM'],
      loops: [
        { start: 'QTY', id: 'SG19', members: ['RNG'] },
        { start: 'PCD', id: 'SG20', members: ['RNG'] },
        { start: 'MOA', id: 'SG21', members: ['RNG'] },
        { start: 'RTE', id: 'SG22', members: ['RNG'] },
        { start: 'TAX', id: 'SG23', members: ['MOA'] },
      ],
    },
    { start: 'RCS', id: 'SG24', members: ['RFF', 'DTM', 'FTX'] },
    {
      start: 'LIN',
      id: 'SG25',
      members: [
        'PIA',
        'IMD',
        'MEA',
        'QTY',
        'PCD',
        'ALI',
        'DTM',
        'MOA',
        'GIN',
        'GIR',
        'QVR',
        'DOC',
        'PAI',
        'FTX',
      ],
      loops: [
        { start: 'CCI', id: 'SG26', members: ['CAV', 'MEA'] },
        { start: 'PAT', id: 'SG27', members: ['DTM', 'PCD', 'MOA'] },
        { start: 'PRI', id: 'SG28', members: ['CUX', 'APR', 'RNG', 'DTM'] },
        { start: 'RFF', id: 'SG29', members: ['DTM'] },
        {
          start: 'PAC',
          id: 'SG30',
          members: ['MEA', 'QTY', 'DTM'],
          loops: [
            { start: 'RFF', id: 'SG31', members: ['DTM'] },
            { start: 'PCI', id: 'SG32', members: ['RFF', 'DTM', 'GIN'] },
          ],
        },
        { start: 'LOC', id: 'SG33', members: ['QTY', 'DTM'] },
        { start: 'TAX', id: 'SG34', members: ['MOA', 'LOC'] },
        {
          start: 'NAD',
          id: 'SG35',
          members: ['LOC'],
          loops: [
            { start: 'RFF', id: 'SG36', members: ['DTM'] },
            { start: 'DOC', id: 'SG37', members: ['DTM'] },
            { start: 'CTA', id: 'SG38', members: ['COM'] },
          ],
        },
        {
          start: 'ALC',
          id: 'SG39',
          members: ['ALI', 'DTM'],
          loops: [
            { start: 'QTY', id: 'SG40', members: ['RNG'] },
            { start: 'PCD', id: 'SG41', members: ['RNG'] },
            { start: 'MOA', id: 'SG42', members: ['RNG'] },
            { start: 'RTE', id: 'SG43', members: ['RNG'] },
            { start: 'TAX', id: 'SG44', members: ['MOA'] },
          ],
        },
        { start: 'TDT', id: 'SG45', members: [], loops: [{ start: 'LOC', id: 'SG46', members: ['DTM'] }] },
        { start: 'TOD', id: 'SG47', members: ['LOC'] },
        { start: 'EQD', id: 'SG48', members: ['HAN', 'MEA', 'FTX'] },
        {
          start: 'SCC',
          id: 'SG49',
          members: ['FTX', 'RFF'],
          loops: [{ start: 'QTY', id: 'SG50', members: ['DTM'] }],
        },
        { start: 'RCS', id: 'SG51', members: ['RFF', 'DTM', 'FTX'] },
        { start: 'STG', id: 'SG52', members: [], loops: [{ start: 'QTY', id: 'SG53', members: ['MOA'] }] },
      ],
    },
  ],
};
