import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, standardizeOptions, standardizeRecord, type RawRecord } from './index.js';
import { CANONICAL_FIELDS } from './types.js';

const options = standardizeOptions({ defaultCountry: 'AU', dateOrder: 'DMY', today: new Date(Date.UTC(2026, 10, 23)) });
const rec = (fields: Partial<RawRecord>): RawRecord => ({ source_system: 's', source_record_id: '1', ...fields });

/** A small varied fixture: the four locales, organisations, and hostile input in every field. */
const NASTY = [
  '',
  ' ',
  '!!!',
  '?',
  '-',
  '\u0000\u0001',
  'x'.repeat(10_240),
  '😀😀😀',
  '👨‍👩‍👧 family',
  "Robert'); DROP TABLE students;--",
  '<script>alert(1)</script>',
  '<b>bold</b> & <i>it</i>',
  '张伟 Smith Иванов',
  '١٢٣٤',
  'null',
  'undefined',
  'NaN',
  '0',
  '-1',
  '1e309',
  '\u202eevil',
  'ＡＣＭＥ　Ｃｏｒｐ',
];
const FIXTURE: RawRecord[] = [
  rec({
    given_name: 'jack',
    family_name: 'hemsworth',
    date_of_birth: '19780301',
    phone: '04 22718532',
    address_line1: '5 hurtle avenue',
    locality: 'broulee',
    region: 'vic',
    postal_code: '3191',
    country: 'AU',
  }),
  rec({
    full_name: 'Dr. Jane Smith-Jones',
    email: 'Jane.Smith@gmail.com',
    phone: '020 7946 0958',
    postal_code: 'sw1a 1aa',
    locality: 'London',
    country: 'GB',
    gender: 'F',
  }),
  rec({
    full_name: '张小明',
    phone: '13800138000',
    country: 'CN',
    postal_code: '100000',
    address_line1: '朝阳区建国路88号',
  }),
  rec({
    organization_name: 'Precious Little Ones Learning Center, Inc.',
    phone: '2859902',
    address_line1: '221 E. 51st St.',
    locality: 'Chicago',
    region: 'IL',
    country: 'US',
  }),
  rec({ full_name: 'Acme Pty Ltd', email: 'info@acme.com.au', annual_value: '$1,200.50' }),
  rec({}),
  ...NASTY.map((v, i) =>
    rec({ source_record_id: `nasty-${i}`, ...Object.fromEntries(CANONICAL_FIELDS.slice(2).map((f) => [f, v])) }),
  ),
];

describe('standardizeRecord', () => {
  it('never throws and reports only known codes on a varied, hostile fixture', () => {
    for (const r of FIXTURE) {
      const { std, problems } = standardizeRecord(r, options);
      expect(std.sourceRecordId).toBe(r.source_record_id);
      for (const p of problems) {
        expect(Object.keys(PROBLEM_CODES)).toContain(p.code);
        expect(p.value.length).toBeLessThanOrEqual(200);
        expect(p.code).not.toBe('record.standardize_failed');
      }
    }
  });

  it('fills a person record', () => {
    const { std, problems } = standardizeRecord(FIXTURE[0]!, options);
    expect(std).toMatchObject({
      entityType: 'person',
      givenName: 'jack',
      givenNameCanonical: 'john',
      familyName: 'hemsworth',
      dateOfBirth: '1978-03-01',
      phone: '+61422718532',
      phoneType: 'mobile',
      addressLine: '5 hurtle ave',
      region: 'VIC',
      postalCode: '3191',
      country: 'AU',
    });
    expect(problems).toEqual([]);
  });

  it('splits a full name, takes gender from the field and applies Gmail rules', () => {
    const { std } = standardizeRecord(FIXTURE[1]!, options);
    expect(std).toMatchObject({
      givenName: 'jane',
      familyName: 'smith jones',
      gender: 'f',
      email: 'janesmith@gmail.com',
      postalCode: 'SW1A 1AA',
      country: 'GB',
    });
  });

  it('transliterates a Chinese name and keeps the native form', () => {
    const { std } = standardizeRecord(FIXTURE[2]!, options);
    expect(std).toMatchObject({
      givenName: 'xiaoming',
      familyName: 'zhang',
      nativeName: '张小明',
      displayName: '张小明',
      phone: '+8613800138000',
    });
  });

  it('routes organisations and reports an incomplete local phone', () => {
    const { std, problems } = standardizeRecord(FIXTURE[3]!, options);
    expect(std).toMatchObject({
      entityType: 'organization',
      organizationKey: 'precious little ones learning center',
      organizationLegalForm: 'inc',
      phone: null,
      phoneDigits: '2859902',
    });
    expect(problems.map((p) => p.code)).toEqual(['phone.incomplete']);
  });

  it('routes an organisation given only as full_name', () => {
    const { std, problems } = standardizeRecord(FIXTURE[4]!, options);
    expect(std).toMatchObject({
      entityType: 'organization',
      organizationKey: 'acme',
      organizationLegalForm: 'pty ltd',
      annualValue: 1200.5,
      givenName: null,
    });
    expect(problems.map((p) => p.code)).toContain('email.disposable_or_role');
  });

  it('reports record-level gaps on an empty record', () => {
    const codes = standardizeRecord(FIXTURE[5]!, options).problems.map((p) => p.code);
    expect(codes).toEqual(['record.missing_name', 'record.missing_contact', 'record.missing_identifier']);
  });

  it('flags markup and over-long fields', () => {
    const codes = standardizeRecord(
      rec({ full_name: '<script>x</script>', address_line1: 'y'.repeat(600) }),
      options,
    ).problems.map((p) => p.code);
    expect(codes).toContain('field.markup');
    expect(codes).toContain('field.too_long');
  });

  it('reads gender words and honorifics', () => {
    expect(standardizeRecord(rec({ full_name: 'Mr John Smith' }), options).std.gender).toBe('m');
    expect(standardizeRecord(rec({ full_name: 'John Smith', gender: 'female' }), options).std.gender).toBe('f');
    expect(standardizeRecord(rec({ full_name: 'John Smith', gender: 'u' }), options).std.gender).toBeNull();
    expect(standardizeRecord(rec({ full_name: 'John Smith', gender: 'banana' }), options).problems[0]?.code).toBe(
      'gender.unrecognized',
    );
  });

  it('uses null for missing values, never the empty string', () => {
    const { std } = standardizeRecord(rec({ given_name: '  ', family_name: 'x' }), options);
    for (const value of Object.values(std)) expect(value).not.toBe('');
  });
});
