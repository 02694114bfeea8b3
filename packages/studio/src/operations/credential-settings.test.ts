import { describe, expect, it } from 'vitest';
import { settingEntries } from './credential-settings.js';

const partnerType = {
  fields: [
    { name: 'ourQualifier', label: 'Our ISA qualifier', secret: false, required: true },
    { name: 'ourId', label: 'Our ISA id', secret: false, required: true },
    { name: 'partnerId', label: 'Partner ISA id', secret: false, required: true },
  ],
};

describe('settingEntries', () => {
  it('labels settings in the order the type declares its fields, leaving out fields not set', () => {
    expect(
      settingEntries({ settings: { partnerId: '4405197800', ourQualifier: '01' } }, partnerType),
    ).toEqual([
      ['Our ISA qualifier', '01'],
      ['Partner ISA id', '4405197800'],
    ]);
  });

  it('shows settings of fields the type does not declare last, by their names', () => {
    expect(settingEntries({ settings: { zeta: '1', ourId: 'X', alpha: '2' } }, partnerType)).toEqual([
      ['Our ISA id', 'X'],
      ['alpha', '2'],
      ['zeta', '1'],
    ]);
    expect(settingEntries({ settings: { url: 'u' } }, undefined)).toEqual([['url', 'u']]);
  });

  it('has nothing to show when the server returned no settings', () => {
    expect(settingEntries({}, partnerType)).toEqual([]);
  });
});
