import { describe, expect, it } from 'vitest';
import { standardizeOptions, standardizeRecord } from './index.js';
import { digitPostcodeLength } from './postcodes.js';
import type { RawRecord } from './types.js';

const options = (country: string) =>
  standardizeOptions({ defaultCountry: country, dateOrder: 'DMY', today: new Date('2026-01-01T00:00:00Z') });

function run(fields: Partial<RawRecord>, country = 'US') {
  const raw: RawRecord = { source_system: 'crm', source_record_id: '1', full_name: 'Ann Lee', ...fields };
  const { std, problems } = standardizeRecord(raw, options(country));
  return { std, codes: problems.map((p) => p.code) };
}

describe('spreadsheet habits', () => {
  it('reads the digit length of postcodes off the country rules', () => {
    expect([digitPostcodeLength('US'), digitPostcodeLength('AU'), digitPostcodeLength('CN')]).toEqual([5, 4, 6]);
    expect([digitPostcodeLength('GB'), digitPostcodeLength('NL'), digitPostcodeLength(null)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('flags a postcode that lost its leading zero, and not one of the right length', () => {
    expect(run({ postal_code: '2134' }).codes).toContain('address.postcode_leading_zero_lost');
    expect(run({ postal_code: '02134' }).codes).not.toContain('address.postcode_leading_zero_lost');
    expect(run({ postal_code: '800', country: 'AU' }, 'AU').codes).toContain('address.postcode_leading_zero_lost');
    expect(run({ postal_code: '2000', country: 'AU' }, 'AU').codes).not.toContain('address.postcode_leading_zero_lost');
  });

  it('flags a digits-only phone that is valid only with a trunk zero, where the country has one', () => {
    expect(run({ phone: '7911123456', country: 'GB' }, 'GB').codes).toContain('phone.leading_zero_lost');
    expect(run({ phone: '07911123456', country: 'GB' }, 'GB').codes).not.toContain('phone.leading_zero_lost');
    expect(run({ phone: '2125551234' }).codes).not.toContain('phone.leading_zero_lost');
    expect(run({ phone: '412345678', country: 'AU' }, 'AU').codes).toContain('phone.leading_zero_lost');
    expect(run({ phone: '13896278397', country: 'CN' }, 'CN').codes).not.toContain('phone.leading_zero_lost');
  });

  it('reads thousands separators right and flags them', () => {
    const cases: Array<[string, number]> = [
      ['1,234,567', 1234567],
      ['1.234.567,50', 1234567.5],
      ['$1,234.50', 1234.5],
      ['1 234 567 EUR', 1234567],
    ];
    for (const [text, value] of cases) {
      const { std, codes } = run({ annual_value: text });
      expect([text, std.annualValue, codes.includes('annual_value.thousands_separator')]).toEqual([text, value, true]);
    }
    const plain = run({ annual_value: '1234.5' });
    expect([plain.std.annualValue, plain.codes.includes('annual_value.thousands_separator')]).toEqual([1234.5, false]);
  });

  it('flags a serial date and still reads it', () => {
    const serial = run({ date_of_birth: '29221' });
    expect(serial.codes).toContain('date.excel_serial');
    expect(serial.std.dateOfBirth).toBe('1980-01-01');
    expect(run({ date_of_birth: '1980-01-01' }).codes).not.toContain('date.excel_serial');
  });
});
