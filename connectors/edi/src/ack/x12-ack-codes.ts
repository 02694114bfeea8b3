/**
 * The X12 code lists a 997 uses, as data: what Waybill writes (the unions) and what each code
 * means (the maps, which also hold codes Waybill never writes so a partner's 997 reads as
 * sentences). The values are the same in 004010 and 005010 except where a comment says otherwise.
 */

/**
 * AK304, segment syntax error code (data element 720).
 *
 * @example
 * const code: SegmentErrorCode = '3'; // mandatory segment missing
 */
export type SegmentErrorCode = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8';

/**
 * AK403, data element syntax error code (data element 723).
 *
 * @example
 * const code: ElementErrorCode = '8'; // invalid date
 */
export type ElementErrorCode = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10';

/**
 * AK502…AK506, transaction set syntax error codes Waybill writes (data element 718).
 *
 * @example
 * const code: SetErrorCode = '4'; // SE01 does not match the number of segments
 */
export type SetErrorCode = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '23';

/**
 * AK905…AK909, functional group syntax error codes Waybill writes (data element 716).
 *
 * @example
 * const code: GroupErrorCode = '5'; // GE01 does not match the number of sets
 */
export type GroupErrorCode = '1' | '2' | '3' | '4' | '5' | '6' | '19';

/**
 * AK501 as Waybill writes it: accepted, accepted but errors were noted, rejected.
 *
 * @example
 * const code: SetAckCode = 'E';
 */
export type SetAckCode = 'A' | 'E' | 'R';

/**
 * AK901 as Waybill writes it: accepted, accepted with errors, partially accepted, rejected.
 *
 * @example
 * const code: GroupAckCode = 'P'; // at least one set rejected, at least one accepted
 */
export type GroupAckCode = 'A' | 'E' | 'P' | 'R';

/**
 * What each AK304 code means, phrased to sit inside a sentence.
 *
 * @example
 * segmentErrorMeanings.get('3'); // 'mandatory segment missing'
 */
export const segmentErrorMeanings: ReadonlyMap<string, string> = new Map([
  ['1', 'unrecognized segment ID'],
  ['2', 'unexpected segment'],
  ['3', 'mandatory segment missing'],
  ['4', 'loop occurs over maximum times'],
  ['5', 'segment exceeds maximum use'],
  ['6', 'segment not in defined transaction set'],
  ['7', 'segment not in proper sequence'],
  ['8', 'segment has data element errors'],
]);

/**
 * What each AK403 code means.
 *
 * @example
 * elementErrorMeanings.get('5'); // 'data element too long'
 */
export const elementErrorMeanings: ReadonlyMap<string, string> = new Map([
  ['1', 'mandatory data element missing'],
  ['2', 'conditional required data element missing'],
  ['3', 'too many data elements'],
  ['4', 'data element too short'],
  ['5', 'data element too long'],
  ['6', 'invalid character in data element'],
  ['7', 'invalid code value'],
  ['8', 'invalid date'],
  ['9', 'invalid time'],
  ['10', 'exclusion condition violated'],
  // 005010 only.
  ['12', 'too many repetitions'],
  ['13', 'too many components'],
]);

/**
 * What each AK502…AK506 code means (the security codes 8–17 and 24–27 are left out: they name
 * S3S/S4S security structures Waybill does not use, and read as "not in the list").
 *
 * @example
 * setErrorMeanings.get('4'); // 'number of included segments does not match actual count'
 */
export const setErrorMeanings: ReadonlyMap<string, string> = new Map([
  ['1', 'transaction set not supported'],
  ['2', 'transaction set trailer missing'],
  ['3', 'transaction set control number in header and trailer do not match'],
  ['4', 'number of included segments does not match actual count'],
  ['5', 'one or more segments in error'],
  ['6', 'missing or invalid transaction set identifier'],
  ['7', 'missing or invalid transaction set control number'],
  ['18', 'transaction set not in functional group'],
  ['19', 'invalid transaction set implementation convention reference'],
  ['23', 'transaction set control number not unique within the functional group'],
]);

/**
 * What each AK905…AK909 code means. Code 19 is read with its 004050-and-later meaning; in 004010
 * the same number named a security segment error, which is why Waybill writes it only from 004050.
 *
 * @example
 * groupErrorMeanings.get('5'); // 'number of included transaction sets does not match actual count'
 */
export const groupErrorMeanings: ReadonlyMap<string, string> = new Map([
  ['1', 'functional group not supported'],
  ['2', 'functional group version not supported'],
  ['3', 'functional group trailer missing'],
  ['4', 'group control number in the functional group header and trailer do not agree'],
  ['5', 'number of included transaction sets does not match actual count'],
  ['6', 'group control number violates syntax'],
  ['19', 'functional group control number not unique within interchange'],
]);

/**
 * The meaning of a code, or a sentence fragment saying the code is not in the list, so a partner
 * using a private code (BizTalk's 511, for one) still gives a readable message.
 *
 * @example
 * meaningOf(segmentErrorMeanings, '511'); // 'code 511, which is not in the X12 list'
 */
export function meaningOf(meanings: ReadonlyMap<string, string>, code: string): string {
  return meanings.get(code) ?? `code ${code}, which is not in the X12 list`;
}
