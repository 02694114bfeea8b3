import { userError } from '@waybill/connector-kit';
import { type EdiSetDocument, readEdifactMessages, readX12Sets } from '../../document/read-sets.js';
import { parseEdifact } from '../../edifact/parse.js';
import { EdiSyntaxError } from '../../errors.js';
import { setSchemas } from '../../sets/registry.js';
import { validateEdifactEnvelope } from '../../validate/edifact-envelope.js';
import type { EnvelopeReport } from '../../validate/report.js';
import { validateX12Envelope } from '../../validate/x12-envelope.js';
import { parseX12 } from '../../x12/parse.js';

/** A parsed interchange as the EDI nodes pass it along. */
export interface ParsedInterchange {
  standard: 'x12' | 'edifact';
  fileName?: string;
  /** ISA13 / UNB 0020. */
  control: string;
  sender: { id: string; qualifier: string };
  receiver: { id: string; qualifier: string };
  sets: EdiSetDocument[];
  /** Envelope and segment problems, with the per-group detail acknowledgments are built from. */
  report: EnvelopeReport;
  /** Each problem as a sentence. */
  problems: string[];
  /** The separators the partner used, so an answer can be written the same way. */
  separators: { element: string; component: string; segment: string; repetition: string | null };
}

/**
 * Parses and validates one interchange, X12 or EDIFACT (told apart by its first segment), and
 * groups each set's body into loops by the shipped set schemas.
 *
 * @example
 * readInterchange(text, 'parse').sets[0]?.set; // '850'
 */
export function readInterchange(text: string, nodeId: string): ParsedInterchange {
  const start = text.trimStart().slice(0, 3);
  try {
    if (start === 'ISA') {
      const doc = parseX12(text);
      const report = validateX12Envelope(doc.segments);
      const sets = readX12Sets(doc, setSchemas);
      const isa = doc.segments[0]?.elements ?? [];
      const at = (i: number) => isa[i - 1]?.trim() ?? '';
      return {
        standard: 'x12',
        control: at(13),
        sender: { qualifier: at(5), id: at(6) },
        receiver: { qualifier: at(7), id: at(8) },
        sets,
        report,
        problems: report.problems.map((p) => p.message),
        separators: {
          element: doc.delimiters.element,
          component: doc.delimiters.component,
          segment: doc.delimiters.segment,
          repetition: doc.delimiters.repetition,
        },
      };
    }
    if (start === 'UNA' || start === 'UNB') {
      const doc = parseEdifact(text);
      const report = validateEdifactEnvelope(doc.segments, { delimiters: doc.delimiters });
      const sets = readEdifactMessages(doc, setSchemas);
      const first = sets[0]?.interchange;
      return {
        standard: 'edifact',
        control: first?.control ?? report.interchanges[0]?.control ?? '',
        sender: first?.sender ?? { id: '', qualifier: '' },
        receiver: first?.receiver ?? { id: '', qualifier: '' },
        sets,
        report,
        problems: report.problems.map((p) => p.message),
        separators: {
          element: doc.delimiters.element,
          component: doc.delimiters.component,
          segment: doc.delimiters.segment,
          repetition: doc.delimiters.repetition,
        },
      };
    }
  } catch (error) {
    if (error instanceof EdiSyntaxError) {
      throw userError({
        code: 'EDI_SYNTAX',
        message: `Node "${nodeId}" could not read the interchange: ${error.message}`,
      });
    }
    throw error;
  }
  throw userError({
    code: 'EDI_SYNTAX',
    message: `Node "${nodeId}" was given text that is not an X12 (ISA) or EDIFACT (UNA/UNB) interchange: it starts with ${JSON.stringify(text.slice(0, 20))}.`,
  });
}
