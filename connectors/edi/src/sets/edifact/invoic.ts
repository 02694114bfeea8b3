import type { SetSchema } from '../../document/set-schema.js';

/**
 * EDIFACT INVOIC (invoice, credit note), directory D.96A as EANCOM 1997 uses it. Loops by start
 * segment: header SG1 RFF, SG2 NAD (SG3 RFF, SG4 DOC, SG5 CTA), SG6 TAX, SG7 CUX, SG8 PAT, SG9 TDT
 * (SG10 LOC, SG11 RFF), SG12 TOD, SG13 PAC (SG14 PCI), SG15 ALC (SG16 RFF, SG17 QTY, SG18 PCD, SG19
 * MOA, SG20 RTE, SG21 TAX), SG22 RCS, SG23 AJT, SG24 INP; detail SG25 LIN with SG26 MOA, SG27 PAT,
 * SG28 PRI, SG29 RFF, SG30 PAC (SG31 PCI), SG32 LOC, SG33 TAX, SG34 NAD (SG35 RFF, SG36 DOC, SG37
 * CTA), SG38 ALC (SG39 QTY, SG40 PCD, SG41 MOA, SG42 RTE, SG43 TAX), SG44 TDT (SG45 LOC), SG46 TOD,
 * SG47 RCS; summary (after UNS) SG48 MOA (SG49 RFF), SG50 TAX, SG51 ALC. Loops are keyed by their
 * start segment, so the summary TAX and ALC groups read into the same `TAX_loop` / `ALC_loop` lists
 * as SG6 and SG15 (after the header ones); UNS and CNT stay at the top.
 *
 * D.01B (EANCOM 2002) puts the line group at SG26 and shifts the numbers after it, with the same
 * start segments, so a D.01B INVOIC reads into the same shape.
 *
 * @example
 * const [invoice] = readEdifactMessages(parseEdifact(text), { 'edifact:INVOIC': edifactInvoic });
 * invoice?.body.MOA_loop?.[0]?.MOA; // [{ MOA01: ['77', '652.75'] }]
 */
export const edifactInvoic: SetSchema = {
  standard: 'edifact',
  id: 'INVOIC',
  title: 'Invoice',
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
    { start: 'CUX', id: 'SG7', members: ['DTM'] },
    { start: 'PAT', id: 'SG8', members: ['DTM', 'PCD', 'MOA', 'PAI', 'FII'] },
    {
      start: 'TDT',
      id: 'SG9',
      members: [],
      loops: [
        { start: 'LOC', id: 'SG10', members: ['DTM'] },
        { start: 'RFF', id: 'SG11', members: ['DTM'] },
      ],
    },
    { start: 'TOD', id: 'SG12', members: ['LOC'] },
    {
      start: 'PAC',
      id: 'SG13',
      members: ['MEA'],
      loops: [{ start: 'PCI', id: 'SG14', members: ['RFF', 'DTM', 'GIN'] }],
    },
    {
      start: 'ALC',
      id: 'SG15',
      members: ['ALI'],
      loops: [
        { start: 'RFF', id: 'SG16', members: ['DTM'] },
        { start: 'QTY', id: 'SG17', members: ['RNG'] },
        { start: 'PCD', id: 'SG18', members: ['RNG'] },
        { start: 'MOA', id: 'SG19', members: ['RNG'] },
        { start: 'RTE', id: 'SG20', members: ['RNG'] },
        { start: 'TAX', id: 'SG21', members: ['MOA'] },
      ],
    },
    { start: 'RCS', id: 'SG22', members: ['RFF', 'DTM', 'FTX'] },
    { start: 'AJT', id: 'SG23', members: ['FTX'] },
    { start: 'INP', id: 'SG24', members: ['FTX'] },
    {
      start: 'LIN',
      id: 'SG25',
      members: ['PIA', 'IMD', 'MEA', 'QTY', 'PCD', 'ALI', 'DTM', 'GIN', 'GIR', 'QVR', 'EQD', 'FTX'],
      loops: [
        { start: 'MOA', id: 'SG26', members: ['CUX'] },
        { start: 'PAT', id: 'SG27', members: ['DTM', 'PCD', 'MOA'] },
        { start: 'PRI', id: 'SG28', members: ['APR', 'RNG', 'DTM'] },
        { start: 'RFF', id: 'SG29', members: ['DTM'] },
        {
          start: 'PAC',
          id: 'SG30',
          members: ['MEA'],
          loops: [{ start: 'PCI', id: 'SG31', members: ['RFF', 'DTM', 'GIN'] }],
        },
        { start: 'LOC', id: 'SG32', members: ['QTY', 'DTM'] },
        { start: 'TAX', id: 'SG33', members: ['MOA', 'LOC'] },
        {
          start: 'NAD',
          id: 'SG34',
          members: ['LOC'],
          loops: [
            { start: 'RFF', id: 'SG35', members: ['DTM'] },
            { start: 'DOC', id: 'SG36', members: ['DTM'] },
            { start: 'CTA', id: 'SG37', members: ['COM'] },
          ],
        },
        {
          start: 'ALC',
          id: 'SG38',
          members: ['ALI', 'DTM'],
          loops: [
            { start: 'QTY', id: 'SG39', members: ['RNG'] },
            { start: 'PCD', id: 'SG40', members: ['RNG'] },
            { start: 'MOA', id: 'SG41', members: ['RNG'] },
            { start: 'RTE', id: 'SG42', members: ['RNG'] },
            { start: 'TAX', id: 'SG43', members: ['MOA'] },
          ],
        },
        { start: 'TDT', id: 'SG44', members: [], loops: [{ start: 'LOC', id: 'SG45', members: ['DTM'] }] },
        { start: 'TOD', id: 'SG46', members: ['LOC'] },
        { start: 'RCS', id: 'SG47', members: ['RFF', 'DTM', 'FTX'] },
      ],
    },
    { start: 'MOA', id: 'SG48', members: [], loops: [{ start: 'RFF', id: 'SG49', members: ['DTM'] }] },
  ],
};
