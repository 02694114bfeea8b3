import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseEdifact, parseEdifactStream } from '../edifact/parse.js';
import { parseX12, parseX12Stream } from '../x12/parse.js';
import { validateEdifactEnvelope } from './edifact-envelope.js';
import { validateX12Envelope } from './x12-envelope.js';

const fixture = (path: string) => readFile(new URL(`../../fixtures/${path}`, import.meta.url));

describe('envelope validation of the sample documents', () => {
  it('finds no problem in the 850 sample and reports its one 33-segment set', async () => {
    const report = validateX12Envelope(parseX12(await fixture('x12/nodex12__850.edi')).segments);
    expect(report.problems).toEqual([]);
    expect(report.interchanges).toMatchObject([
      {
        control: '000003438',
        groups: [
          {
            functionalId: 'PO',
            control: '1421',
            version: '004010VICS',
            sets: [{ id: '850', control: '000000010', segmentCount: 33, problems: [] }],
          },
        ],
      },
    ]);
  });

  it('finds no problem in the 855 sample, streamed', async () => {
    const report = await validateX12Envelope(parseX12Stream([await fixture('x12/nodex12__855.edi')]));
    expect(report.problems).toEqual([]);
    expect(report.interchanges[0]?.groups[0]?.sets).toMatchObject([
      { id: '855', control: '0005', segmentCount: 26 },
    ]);
  });

  // The pydifact sample is a cut-out: it stops after UNT and has no UNZ, which is reported as such.
  // Its message itself (UNH…UNT, BGM, DTM, counts and references) has no problem.
  it('finds no problem in the ORDERS message of the EDIFACT sample, and only the missing UNZ', async () => {
    const bytes = await fixture('edifact/pydifact__order.edi');
    const doc = parseEdifact(bytes);
    const report = validateEdifactEnvelope(doc.segments, { delimiters: doc.delimiters });
    expect(report.problems.map((p) => p.message)).toEqual([
      'Interchange 807 (UNB at segment 1) has no UNZ trailer: the interchange ends at segment 17.',
    ]);
    expect(report.interchanges[0]?.groups[0]?.sets).toEqual([
      { id: 'ORDERS', control: '1', position: 2, segmentCount: 16, problems: [] },
    ]);
    const streamed = await validateEdifactEnvelope(parseEdifactStream([bytes]));
    expect(streamed).toEqual(report);
  });
});
