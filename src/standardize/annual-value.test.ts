import { describe, expect, it } from 'vitest';
import { readAnnualValue } from './annual-value.js';
import { standardizeOptions, standardizeRecord } from './index.js';

describe('readAnnualValue', () => {
  it.each([
    ['1200', 1200],
    ['1200.50', 1200.5],
    ['1200,50', 1200.5],
    ['$1,200.50', 1200.5],
    ['1.234.567,89', 1234567.89],
    ['1,234,567', 1234567],
    ['1 234,56', 1234.56],
    ['1\u00a0234', 1234],
    ["1'234.5", 1234.5],
    ['0,500', 0.5],
    ['1234,567', 1234.567],
    ['AUD 99', 99],
    ['99 EUR', 99],
    ['€ 12,5', 12.5],
    ['0', 0],
  ])('reads %s as %s', (text, value) => {
    expect(readAnnualValue(text)).toEqual({ value });
  });

  it.each([
    ['10k', 'annual_value.invalid'],
    ['1.5M', 'annual_value.invalid'],
    ['1e3', 'annual_value.invalid'],
    ['1e309', 'annual_value.invalid'],
    ['12-34', 'annual_value.invalid'],
    ['1,2,3', 'annual_value.invalid'],
    ['1,234.567.8', 'annual_value.invalid'],
    ['1,23,456', 'annual_value.invalid'],
    ['abc', 'annual_value.invalid'],
    ['Infinity', 'annual_value.invalid'],
    ['1,234', 'annual_value.ambiguous'],
    ['1.500', 'annual_value.ambiguous'],
    ['-5', 'annual_value.negative'],
    ['(5.00)', 'annual_value.negative'],
    ['$-5', 'annual_value.negative'],
    ['99999999999999999', 'annual_value.out_of_range'],
  ])('rejects %s with %s', (text, problem) => {
    expect(readAnnualValue(text)).toEqual({ problem });
  });

  it('a rejected value is stored as no value with a problem on the field, never as another number', () => {
    const { std, problems } = standardizeRecord(
      { source_system: 'crm', source_record_id: '1', full_name: 'Ann Lee', annual_value: '1e309' },
      standardizeOptions({ defaultCountry: 'AU', dateOrder: 'DMY' }),
    );
    expect(std.annualValue).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ code: 'annual_value.invalid', field: 'annual_value' }));
  });
});
