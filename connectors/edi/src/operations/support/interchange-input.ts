import { userError } from '@waybill/connector-kit';

/** An interchange as a node received it: its text, the encoding that gives back its bytes, a file name. */
export interface InterchangeInput {
  text: string;
  encoding: 'latin1' | 'utf8';
  fileName: string | undefined;
}

/**
 * Finds the interchange in what came before a node: plain text, an HTTP upload (`{ body }`, as a
 * webhook delivers it), or a file (`{ content, fileName }`, as the folder and SFTP triggers do).
 * Intake decodes uploads as UTF-8, or as latin1 when they are not valid UTF-8 (and says so in
 * `bodyEncoding`); the file triggers decode as latin1. Re-encoding the text the same way gives
 * back the exact bytes received.
 *
 * @example
 * interchangeInput({ content: 'ISA*00*…', fileName: 'po-1.edi' }); // { text: 'ISA*00*…', encoding: 'latin1', fileName: 'po-1.edi' }
 */
export function interchangeInput(input: unknown, nodeId: string): InterchangeInput {
  if (typeof input === 'string') return { text: input, encoding: 'utf8', fileName: undefined };
  if (typeof input === 'object' && input !== null) {
    const record: Record<string, unknown> = { ...input };
    if (typeof record.content === 'string') {
      return {
        text: record.content,
        encoding: record.encoding === 'utf8' || record.encoding === 'utf-8' ? 'utf8' : 'latin1',
        fileName: typeof record.fileName === 'string' ? record.fileName : undefined,
      };
    }
    if (typeof record.body === 'string') {
      const headers: Record<string, unknown> =
        typeof record.headers === 'object' && record.headers !== null ? { ...record.headers } : {};
      const encoding = record.bodyEncoding === 'latin1' ? 'latin1' : 'utf8';
      return { text: record.body, encoding, fileName: fileNameOf(headers) };
    }
  }
  throw userError({
    code: 'EDI_NO_INTERCHANGE',
    message: `Node "${nodeId}" found no interchange in its input: give it the text, an HTTP upload whose body is the EDI text (send it as text/plain or application/edi-x12, not JSON), or a file from the folder or SFTP trigger.`,
  });
}

/** The file name an upload names in Content-Disposition, if any. */
function fileNameOf(headers: Record<string, unknown>): string | undefined {
  const disposition = headers['content-disposition'];
  if (typeof disposition !== 'string') return undefined;
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
}
