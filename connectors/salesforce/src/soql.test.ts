import { toErrorInfo } from '@waybill/connector-kit';
import { describe, expect, it } from 'vitest';
import { bindSoql, soqlDateTime, soqlLiteral, soqlString } from './soql.js';

describe('SOQL literals and bind parameters', () => {
  it('escapes quotes, backslashes and line breaks in strings', () => {
    expect(soqlString("O'Brien \\ Sons\nLtd")).toBe("'O\\'Brien \\\\ Sons\\nLtd'");
  });

  it('writes dates and datetimes unquoted, datetimes in UTC to the second', () => {
    expect(soqlDateTime('2026-03-02T10:05:00.000+0100')).toBe('2026-03-02T09:05:00Z');
    expect(soqlLiteral('2026-03-02')).toBe('2026-03-02');
    expect(soqlLiteral(['A', 2, true, null])).toBe("('A', 2, TRUE, NULL)");
  });

  it('replaces placeholders outside string literals only', () => {
    expect(
      bindSoql("SELECT Id FROM Account WHERE Name = ':ref' AND External_Id__c = :ref", {
        ref: "x' OR Id != '",
      }),
    ).toBe("SELECT Id FROM Account WHERE Name = ':ref' AND External_Id__c = 'x\\' OR Id != \\''");
  });

  it('refuses a placeholder without a value and a value that is not a literal', () => {
    expect(() => bindSoql('SELECT Id FROM Account WHERE Name = :name')).toThrow(
      'The query names the parameter :name, but the input has no params.name',
    );
    expect(toErrorInfo(captured(() => soqlLiteral({ nested: true }, 'filter')))).toMatchObject({
      kind: 'user',
      code: 'SALESFORCE_INVALID_BIND',
      message:
        'The query parameter "filter" is an object; give it text, a number, a boolean, null, a date or a non-empty list of those.',
    });
    expect(toErrorInfo(captured(() => soqlLiteral([], 'ids'))).message).toContain('"ids" is an empty list');
  });
});

function captured(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
