import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { defineOperation, isWaybillError, userError } from '@waybill/connector-kit';
import { EDI_TRANSPORT_CREDENTIAL } from './credential-types.js';
import type { FileStore } from './file-store.js';
import { openFileStore } from './open-store.js';
import { fileExistsError } from './store-errors.js';
import { checkFileName, joinPath } from './store-paths.js';

/**
 * Config of `edi.writeFile`.
 *
 * @example
 * const config = { directory: 'outbound', fileName: 'invoices.edi', overwrite: false };
 */
export const WriteFileConfigSchema = Type.Object(
  {
    directory: Type.Optional(
      Type.String({
        default: '',
        description: 'Directory below the root of the credential; empty: the root.',
      }),
    ),
    fileName: Type.Optional(
      Type.String({ minLength: 1, maxLength: 255, description: 'File name when the input gives none.' }),
    ),
    overwrite: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Replace a file of the same name with other content; otherwise that is an error.',
      }),
    ),
    createDirectory: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Create the directory (and its parents) when it is missing.',
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Input of `edi.writeFile`.
 *
 * @example
 * const input = { content: 'ISA*00*          *00*…~', fileName: 'PO-000000905.edi' };
 */
export const WriteFileInputSchema = Type.Object(
  {
    content: Type.String({ description: 'The interchange text.' }),
    fileName: Type.Optional(
      Type.String({ minLength: 1, maxLength: 255, description: 'Overrides the file name of the config.' }),
    ),
    encoding: Type.Optional(
      Type.Union([Type.Literal('latin1'), Type.Literal('utf8')], {
        default: 'latin1',
        description:
          'latin1 writes each character 0–255 as one byte, as EDI expects; utf8 for UTF-8 partners.',
      }),
    ),
  },
  // Other members are ignored, so the output of Build EDI or Build acknowledgment is written as is.
  { additionalProperties: true },
);

/**
 * Output of `edi.writeFile`.
 *
 * @example
 * const output = { path: 'outbound/PO-000000905.edi', fileName: 'PO-000000905.edi', size: 1187, sha256: '9f86d0…', written: true };
 */
export const WriteFileOutputSchema = Type.Object({
  path: Type.String({ description: 'Path below the root of the credential.' }),
  fileName: Type.String(),
  size: Type.Integer({ description: 'Bytes written.' }),
  sha256: Type.String({ description: 'SHA-256 of the bytes, lower-case hex.' }),
  written: Type.Boolean({ description: 'false when an identical file was already there (a retry).' }),
});

/**
 * `edi.writeFile`: writes one interchange as a file into a folder or onto an SFTP server,
 * atomically (temporary name, then rename), so the partner never picks up half a file.
 *
 * Effectively once by lookup before create: a retry after a crash finds the file it wrote, with
 * the same SHA-256, and reports it instead of writing again; a file of that name with other
 * content is refused unless `overwrite` is on. A partner that has already taken the file away
 * cannot be seen, so a retry after that writes it again — the interchange control number is what
 * the partner's translator deduplicates on.
 *
 * @example
 * { "id": "send_856", "type": "edi.writeFile", "credential": "acme-sftp",
 *   "config": { "directory": "outbound" } }
 * // input: { "content": "ISA*00*…~IEA*1*000000905~", "fileName": "ASN-000000905.x12" }
 */
export const writeFileOperation = defineOperation({
  type: 'edi.writeFile',
  title: 'Write EDI file',
  description: 'Writes an interchange as a file into a folder or onto an SFTP server, atomically.',
  icon: 'file-up',
  effect: 'write',
  idempotency: 'lookup-before-create',
  configSchema: WriteFileConfigSchema,
  inputSchema: WriteFileInputSchema,
  outputSchema: WriteFileOutputSchema,
  credential: EDI_TRANSPORT_CREDENTIAL,
  async run(ctx) {
    const { config, input } = ctx;
    const chosen = input.fileName ?? config.fileName;
    if (chosen === undefined) {
      throw userError({
        code: 'FILE_NAME_MISSING',
        message: 'No file name: set "fileName" in the node config or map one into the input.',
      });
    }
    const fileName = checkFileName(chosen);
    const bytes = encode(input.content, input.encoding ?? 'latin1');
    const sha256 = sha256Of(bytes);
    const path = joinPath(config.directory ?? '', fileName);
    const overwrite = config.overwrite ?? false;
    const result = { path, fileName, size: bytes.length, sha256 };

    const store = await openFileStore(ctx.credential, { signal: ctx.signal, log: (line) => ctx.log(line) });
    try {
      if (await sameFileThere(store, path, bytes.length, sha256, overwrite)) {
        ctx.log({
          level: 'info',
          message: `${path} is already in ${store.location} with the same content; not written again.`,
        });
        return { ...result, written: false };
      }
      if (config.createDirectory) await store.makeDirectory(config.directory ?? '');
      try {
        await store.write(path, bytes, { overwrite });
      } catch (error) {
        // Someone (another try of this step) placed the file between our lookup and our rename.
        if (!(isWaybillError(error) && error.info.code === 'FILE_EXISTS')) throw error;
        if (await sameFileThere(store, path, bytes.length, sha256, false))
          return { ...result, written: false };
        throw error;
      }
      ctx.log({ level: 'info', message: `Wrote ${path} (${bytes.length} bytes) to ${store.location}.` });
      return { ...result, written: true };
    } finally {
      await store.close();
    }
  },
});

/** True when the file exists with these bytes; FILE_EXISTS when it exists with others and may not be replaced. */
async function sameFileThere(
  store: FileStore,
  path: string,
  size: number,
  sha256: string,
  overwrite: boolean,
) {
  const existing = await store.stat(path);
  if (!existing) return false;
  // Different sizes cannot be the same bytes: no need to download the file to know.
  if (existing.size === size && sha256Of(await store.read(path)) === sha256) return true;
  if (overwrite) return false;
  throw fileExistsError(path, store.location);
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The bytes of the content. latin1 is refused for characters above U+00FF instead of letting
 * Node truncate them to a different byte, which would corrupt the interchange silently.
 *
 * @example
 * encode('ISA*Ü~', 'latin1'); // <Buffer 49 53 41 2a dc 7e>
 * encode('€', 'latin1');      // throws UNENCODABLE_CONTENT
 */
export function encode(content: string, encoding: 'latin1' | 'utf8'): Buffer {
  if (encoding === 'utf8') {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(content);
    if (lone) throw unencodable(content, lone.index, 'is half of a surrogate pair, which UTF-8 cannot hold');
    return Buffer.from(content, 'utf8');
  }
  for (let index = 0; index < content.length; index++) {
    if (content.charCodeAt(index) > 0xff) throw unencodable(content, index, 'latin1 cannot hold');
  }
  return Buffer.from(content, 'latin1');
}

function unencodable(content: string, index: number, problem: string) {
  const code = content.codePointAt(index) ?? 0;
  return userError({
    code: 'UNENCODABLE_CONTENT',
    message: `The content has the character U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${index}, which ${problem}; remove or replace it in the mapping, or choose the utf8 encoding if the partner accepts UTF-8.`,
    details: { position: index },
  });
}
