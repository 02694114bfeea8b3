/**
 * The version and release of a GS08 as a number (4010 for '004010VICS', 5010 for '005010X220A1'),
 * to compare with the release that introduced an element or a code; undefined when GS08 does not
 * begin with six digits.
 *
 * @example
 * x12Release('004010VICS'); // 4010
 * (x12Release('005010X220A1') ?? 0) >= 5010; // true
 */
export function x12Release(version: string | null | undefined): number | undefined {
  const digits = /^\d{6}/.exec(version ?? '');
  return digits === null ? undefined : Number(digits[0]);
}
