/**
 * Salesforce record ids: a 3-character key prefix naming the object, then the pod and a counter,
 * 15 case-sensitive characters in all, and a 3-character suffix that encodes which of the first
 * 15 are upper case, so the 18-character form survives case-insensitive tools (Excel, SQL).
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The 3-character suffix Salesforce appends to a 15-character id.
 *
 * @example
 * checksumSuffix('001Wb0000000001'); // 'IAA': only the W (4th of the first five) is upper case
 */
export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let index = 0; index < 5; index++) {
      const char = id15[chunk * 5 + index] ?? '';
      if (char >= 'A' && char <= 'Z') bits |= 1 << index;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/**
 * The 18-character form of a 15- or 18-character id, or undefined when the text is not an id.
 *
 * @example
 * toId18('001Wb0000000001'); // '001Wb0000000001IAA'
 * toId18('not an id');        // undefined
 */
export function toId18(text: string): string | undefined {
  if (/^[a-zA-Z0-9]{18}$/.test(text)) {
    const id15 = text.slice(0, 15);
    // The suffix is case-insensitive; an 18-character id with a wrong suffix is not an id.
    return checksumSuffix(id15) === text.slice(15).toUpperCase() ? id15 + checksumSuffix(id15) : undefined;
  }
  if (/^[a-zA-Z0-9]{15}$/.test(text)) return text + checksumSuffix(text);
  return undefined;
}

/**
 * A new 18-character id: key prefix, pod "Wb", a zero-padded base-62 counter. Counters grow in
 * ASCII order, so ids sort in creation order as Salesforce's roughly do.
 *
 * @example
 * makeId('001', 1); // '001Wb0000000001' + its suffix
 */
export function makeId(prefix: string, counter: number): string {
  let digits = '';
  let rest = counter;
  do {
    digits = BASE62[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  const id15 = `${prefix}Wb${digits.padStart(10, '0')}`;
  return id15 + checksumSuffix(id15);
}
