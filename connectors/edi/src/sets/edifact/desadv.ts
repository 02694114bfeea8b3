import type { SetSchema } from '../../document/set-schema.js';

/**
 * EDIFACT DESADV (despatch advice), directory D.96A as EANCOM 1997 uses it. Loops by start
 * segment: header SG1 RFF, SG2 NAD (SG3 RFF, SG4 CTA), SG5 TOD, SG6 TDT (SG7 LOC), SG8 EQD (SG9
 * HAN); detail SG10 CPS with SG11 PAC (SG12 HAN, SG13 PCI with SG14 GIN) and SG15 LIN (SG16 RFF,
 * SG17 DGS, SG18 LOC, SG19 SGP, SG20 PCI with SG21 GIN and SG22 HAN, SG23 QVR). Each CPS opens its
 * own occurrence of `CPS_loop` at the top (the packing hierarchy is told by CPS 7166, the parent
 * id, not by nesting); CNT stays at the top. D.96A DESADV has no UNS.
 *
 * D.01B (EANCOM 2002) inserts groups under PAC, so the line group is SG17 and the SSCC's GIN group
 * SG15 there; the start segments are the same, so a D.01B DESADV reads into the same shape.
 *
 * @example
 * const [advice] = readEdifactMessages(parseEdifact(text), { 'edifact:DESADV': edifactDesadv });
 * advice?.body.CPS_loop?.[1]?.PAC_loop?.[0]?.PCI_loop?.[0]?.GIN_loop?.[0]?.GIN; // [{ GIN01: 'BJ', GIN02: '340123450000000017' }]
 */
export const edifactDesadv: SetSchema = {
  standard: 'edifact',
  id: 'DESADV',
  title: 'Despatch advice',
  loops: [
    { start: 'RFF', id: 'SG1', members: ['DTM'] },
    {
      start: 'NAD',
      id: 'SG2',
      members: ['LOC'],
      loops: [
        { start: 'RFF', id: 'SG3', members: ['DTM'] },
        { start: 'CTA', id: 'SG4', members: ['COM'] },
      ],
    },
    { start: 'TOD', id: 'SG5', members: ['LOC', 'FTX'] },
    { start: 'TDT', id: 'SG6', members: ['PCD'], loops: [{ start: 'LOC', id: 'SG7', members: ['DTM'] }] },
    {
      start: 'EQD',
      id: 'SG8',
      members: ['MEA', 'SEL', 'EQA'],
      loops: [{ start: 'HAN', id: 'SG9', members: ['FTX'] }],
    },
    {
      start: 'CPS',
      id: 'SG10',
      members: ['FTX'],
      loops: [
        {
          start: 'PAC',
          id: 'SG11',
          members: ['MEA', 'QTY'],
          loops: [
            { start: 'HAN', id: 'SG12', members: ['FTX'] },
            {
              start: 'PCI',
              id: 'SG13',
              members: ['RFF', 'DTM', 'GIR'],
              loops: [{ start: 'GIN', id: 'SG14', members: ['DLM'] }],
            },
          ],
        },
        {
          start: 'LIN',
          id: 'SG15',
          members: ['PIA', 'IMD', 'MEA', 'QTY', 'ALI', 'GIN', 'GIR', 'DLM', 'DTM', 'FTX', 'MOA'],
          loops: [
            { start: 'RFF', id: 'SG16', members: ['DTM'] },
            { start: 'DGS', id: 'SG17', members: ['QTY', 'FTX'] },
            { start: 'LOC', id: 'SG18', members: ['NAD', 'DTM', 'QTY'] },
            { start: 'SGP', id: 'SG19', members: ['QTY'] },
            {
              start: 'PCI',
              id: 'SG20',
              members: ['DTM', 'MEA', 'QTY'],
              loops: [
                { start: 'GIN', id: 'SG21', members: ['DLM'] },
                { start: 'HAN', id: 'SG22', members: ['FTX', 'GIN'] },
              ],
            },
            { start: 'QVR', id: 'SG23', members: ['DTM'] },
          ],
        },
      ],
    },
  ],
};
