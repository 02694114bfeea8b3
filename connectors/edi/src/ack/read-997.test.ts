import { describe, expect, it } from 'vitest';
import type { EdiSegment } from '../segment.js';
import { validateX12Envelope } from '../validate/x12-envelope.js';
import { parseX12 } from '../x12/parse.js';
import { build997 } from './build-997.js';
import { acknowledgedSetStatus, Read997Error, read997 } from './read-997.js';

/** Segments from text such as 'AK1*PO*1421~AK9*A*1*1*1', for partner 997s written by hand. */
const segments = (text: string): EdiSegment[] =>
  text
    .split('~')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [tag = '', ...elements] = line.split('*');
      return { tag, elements };
    });

const isa =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*U*00401*000000905*0*P*>';
const body = ['BEG*00*SA*PO-1001**20240101', 'PO1*1*10*EA*9.25**VN*W-1', 'CTT*1'];

/** The group report of a received group of 850s, each given as its lines between ST and SE (or with its own SE). */
function group(sets: string[][], ge?: string) {
  const lines = sets.flatMap((lines, i) => {
    const control = String(i + 1).padStart(4, '0');
    const se = lines.at(-1)?.startsWith('SE*') ? [] : [`SE*${lines.length + 2}*${control}`];
    return [`ST*850*${control}`, ...lines, ...se];
  });
  const text = [
    isa,
    'GS*PO*SENDER*RECEIVER*20240101*1200*1421*X*004010',
    ...lines,
    ge ?? `GE*${sets.length}*1421`,
    'IEA*1*000000905',
  ]
    .map((s) => `${s}~`)
    .join('');
  return validateX12Envelope(parseX12(text).segments).interchanges[0]!.groups[0]!;
}

describe('read997', () => {
  it('reads an accepted group and its accepted set, with sentences', () => {
    const ack = read997(segments('ST*997*0001~AK1*PO*1421~AK2*850*000000010~AK5*A~AK9*A*1*1*1~SE*6*0001'));
    expect(ack).toEqual({
      functionalId: 'PO',
      groupControl: '1421',
      status: 'accepted',
      counts: { included: 1, received: 1, accepted: 1 },
      errors: [],
      sets: [
        {
          id: '850',
          control: '000000010',
          status: 'accepted',
          errors: [],
          message: 'Transaction set 850 000000010 was accepted.',
        },
      ],
      message: 'Functional group 1421 (PO) was accepted: the partner accepted 1 of 1 transaction set.',
    });
  });

  it('reads the AK3 / AK4 notes of a rejected set into located errors with sentences', () => {
    const ack = read997(
      segments(
        'ST*997*0001~AK1*PO*1421*004010~AK2*850*0002~AK3*BEG*2**8~AK4*5*373*8*2024-01-01~AK3*PO1*6*PO1*3~AK5*R*5~AK9*P*2*2*1~SE*9*0001',
      ),
    );
    expect(ack.version).toBe('004010');
    expect(ack.status).toBe('partially-accepted');
    const [set] = ack.sets;
    expect(set?.status).toBe('rejected');
    expect(set?.errors.map((e) => [e.level, e.code, e.segment, e.element])).toEqual([
      ['set', '5', undefined, undefined],
      ['segment', '8', { tag: 'BEG', position: 2 }, undefined],
      ['element', '8', { tag: 'BEG', position: 2 }, { position: 5, reference: 373, value: '2024-01-01' }],
      ['segment', '3', { tag: 'PO1', position: 6, loop: 'PO1' }, undefined],
    ]);
    expect(set?.errors.map((e) => e.message)).toEqual([
      'Transaction set 850 0002: one or more segments in error (AK502 code 5).',
      'Transaction set 850 0002: the BEG segment at position 2 in the set: segment has data element errors (AK304 code 8).',
      'Transaction set 850 0002: BEG05 (data element 373) of the BEG segment at position 2 in the set: invalid date (AK403 code 8; the partner received "2024-01-01").',
      'Transaction set 850 0002: the PO1 segment at position 6 in the set in loop PO1: mandatory segment missing (AK304 code 3).',
    ]);
    expect(set?.message).toBe(
      'Transaction set 850 0002 was rejected: one or more segments in error (AK502 code 5). 3 more errors are listed.',
    );
    expect(ack.message).toBe(
      'Functional group 1421 (PO) was partially accepted: the partner accepted 1 of 2 transaction sets; rejected: 850 0002.',
    );
  });

  it('reads the group error codes of AK905 and later', () => {
    const ack = read997(segments('AK1*PO*1421~AK9*R*2*1*0*5~'));
    expect(ack.errors).toEqual([
      {
        level: 'group',
        code: '5',
        meaning: 'number of included transaction sets does not match actual count',
        message:
          'Functional group 1421: number of included transaction sets does not match actual count (AK905 code 5).',
      },
    ]);
    expect(ack.message).toBe(
      'Functional group 1421 (PO) was rejected: the partner accepted 0 of 1 transaction set; number of included transaction sets does not match actual count (AK905 code 5).',
    );
  });

  it('splits a composite AK401 at whatever component separator the partner uses', () => {
    const ack = read997(segments('AK1*PO*1*005010~AK2*850*0001~AK3*PO1*5**8~AK4*3:2**5~AK5*R*5~AK9*R*1*1*0'));
    expect(ack.sets[0]?.errors[2]?.element).toEqual({ position: 3, component: 2 });
    expect(ack.sets[0]?.errors[2]?.message).toContain('PO103-2 of the PO1 segment at position 5');
  });

  it('names a code outside the X12 list instead of failing on it', () => {
    const ack = read997(segments('AK1*PO*1~AK2*850*0001~AK3*PO1*5**511~AK5*E*5~AK9*E*1*1*1'));
    expect(ack.sets[0]?.errors[1]?.meaning).toBe('code 511, which is not in the X12 list');
  });

  it('gives back the statuses of a 997 built by build997', () => {
    const cases = [
      { sets: [body], group: 'accepted', set: ['accepted'] },
      { sets: [[...body, 'CTT*1']], group: 'accepted-with-errors', set: ['accepted-with-errors'] },
      { sets: [body, [...body, 'SE*9*0002']], group: 'partially-accepted', set: ['accepted', 'rejected'] },
      { sets: [['BEG*00**PO-1**20240101', 'PO1*1']], group: 'rejected', set: ['rejected'] },
    ];
    for (const expected of cases) {
      const ack = read997(build997(group(expected.sets), { control: 1 }));
      expect([ack.status, ...ack.sets.map((set) => set.status)]).toEqual([expected.group, ...expected.set]);
      expect(ack.counts.received).toBe(expected.sets.length);
    }
  });

  it('gives back the AK3 / AK4 positions and codes of a 997 built by build997', () => {
    const ack = read997(build997(group([['BEG*00**PO-1**2024-01-01', 'PO1*1']]), { control: 1 }));
    expect(ack.sets[0]?.errors.map((e) => [e.code, e.segment?.position, e.element?.position])).toEqual([
      ['5', undefined, undefined],
      ['8', 2, undefined],
      ['1', 2, 2],
      ['5', 2, 5],
      ['8', 2, 5],
    ]);
  });

  it('skips the envelope around the 997 and its SE', () => {
    const ack = read997(
      segments(
        `${isa}~GS*FA*A*B*20240101*1200*9*X*004010~ST*997*0001~AK1*PO*1421~AK9*A*0*0*0~SE*4*0001~GE*1*9~IEA*1*000000905`,
      ),
    );
    expect(ack.status).toBe('accepted');
  });

  it('refuses a set that is not a 997', () => {
    expect(() => read997(segments('ST*855*0001~BAK*00*AD*PO1*20240101~SE*3*0001'))).toThrow(
      new Read997Error('not-a-997', 'The transaction set is a 855, not a 997 functional acknowledgment.'),
    );
  });

  it('refuses a 997 without AK9, since it does not say whether the group was accepted', () => {
    expect(() => read997(segments('ST*997*0001~AK1*PO*1421~SE*3*0001'))).toThrow(
      'The 997 for functional group 1421 has no AK9 segment, so it does not say whether the group was accepted.',
    );
  });

  it('refuses an AK2 loop without its AK5', () => {
    expect(() => read997(segments('AK1*PO*1421~AK2*850*0001~AK2*850*0002~AK5*A~AK9*A*2*2*2'))).toThrow(
      'The 997 has no AK5 for transaction set 850 0001, so it does not say whether that set was accepted.',
    );
  });

  it('refuses an acknowledgment code it does not know', () => {
    expect(() => read997(segments('AK1*PO*1421~AK2*850*0001~AK5*Q~AK9*A*1*1*1'))).toThrow(
      'AK501 of the 997 is "Q", which is not an acknowledgment code, so it is unknown whether transaction set 850 0001 was accepted.',
    );
  });

  it('refuses two 997 sets read as one', () => {
    expect(() => read997(segments('ST*997*0001~AK1*PO*1~AK9*A*0*0*0~SE*4*0001~ST*997*0002'))).toThrow(
      Read997Error,
    );
  });
});

describe('acknowledgedSetStatus', () => {
  it('takes a set the 997 does not name as accepted when the 997 lists only sets in error', () => {
    const ack = read997(
      build997(group([body, [...body, 'SE*9*0002'], body]), { control: 1, sets: 'sets-in-error' }),
    );
    expect(ack.sets.map((set) => set.control)).toEqual(['0002']);
    expect(['0001', '0002', '0003'].map((control) => acknowledgedSetStatus(ack, control))).toEqual([
      'accepted',
      'rejected',
      'accepted',
    ]);
  });

  it('takes every set of a rejected group as rejected, whatever its AK5 says', () => {
    const ack = read997(build997(group([body], 'GE*2*1421'), { control: 1 }));
    expect(ack.sets[0]?.status).toBe('accepted');
    expect(acknowledgedSetStatus(ack, '0001')).toBe('rejected');
  });

  it('says nothing about a set that a 997 naming every set does not name', () => {
    const ack = read997(build997(group([body]), { control: 1 }));
    expect(acknowledgedSetStatus(ack, '0099')).toBeUndefined();
  });
});
