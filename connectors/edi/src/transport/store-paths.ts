import { isTemporaryName } from './file-store.js';
import { invalidNameError, outsideRootError } from './store-errors.js';

/**
 * Paths as nodes write them: relative to the credential's root, `/`-separated. These checks are
 * lexical; the stores add the check against links (realpath) because only they can see the disk.
 */

/**
 * Normalises a path relative to the root ('' is the root itself). `.` and empty segments go,
 * `..` climbs but may not climb above the root; absolute paths, drive letters, backslashes and
 * NUL are refused, since each would mean something else on some server.
 *
 * @example
 * relativePath('inbound/./2025/../x'); // 'inbound/x'
 * relativePath('../x', '/srv/edi');    // throws PATH_OUTSIDE_ROOT
 */
export function relativePath(text: string, location = 'the root'): string {
  if (text.startsWith('/') || /^[A-Za-z]:/.test(text) || text.includes('\\') || text.includes('\0')) {
    throw outsideRootError(text, location);
  }
  const segments: string[] = [];
  for (const segment of text.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) throw outsideRootError(text, location);
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  return segments.join('/');
}

/**
 * A directory (relative to the root) joined with a plain file name.
 *
 * @example
 * joinPath('outbound', 'PO1.edi'); // 'outbound/PO1.edi'
 * joinPath('', 'PO1.edi');         // 'PO1.edi'
 */
export function joinPath(directory: string, name: string, location?: string): string {
  const base = relativePath(directory, location);
  return base === '' ? name : `${base}/${name}`;
}

/**
 * Splits a normalised relative path into its directory and its last segment.
 *
 * @example
 * splitPath('outbound/PO1.edi'); // { directory: 'outbound', name: 'PO1.edi' }
 */
export function splitPath(path: string): { directory: string; name: string } {
  const cut = path.lastIndexOf('/');
  return cut < 0
    ? { directory: '', name: path }
    : { directory: path.slice(0, cut), name: path.slice(cut + 1) };
}

/**
 * Checks a file name a node gives: one segment, not hidden-temporary, at most 255 bytes (the
 * limit of common file systems).
 *
 * @example
 * checkFileName('PO1001.edi'); // 'PO1001.edi'
 * checkFileName('../x.edi');   // throws INVALID_FILE_NAME
 */
export function checkFileName(name: string): string {
  if (name.trim() === '') throw invalidNameError(name, 'is empty');
  if (name.includes('/') || name.includes('\\')) throw invalidNameError(name, 'contains a path separator');
  if (name === '.' || name === '..') throw invalidNameError(name, 'names a directory');
  if ([...name].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    throw invalidNameError(name, 'contains a control character');
  }
  if (isTemporaryName(name)) throw invalidNameError(name, 'looks like a temporary upload name');
  if (Buffer.byteLength(name, 'utf8') > 255) throw invalidNameError(name, 'is longer than 255 bytes');
  return name;
}
