import { describe, expect, it } from 'vitest';
import { looksLikeOrganization, standardizeOrganizationName } from './organizations.js';

describe('standardizeOrganizationName', () => {
  const cases: Array<[string, string | null, string | null]> = [
    // input, key, legal form
    ['ACME Corp.', 'acme', 'corp'],
    ['Acme Corporation', 'acme', 'corp'],
    ['Acme, Inc.', 'acme', 'inc'],
    ['ACME INCORPORATED', 'acme', 'inc'],
    ['Widgets Pty Ltd', 'widgets', 'pty ltd'],
    ['Widgets Proprietary Limited', 'widgets', 'pty ltd'],
    ['Widgets Pty. Ltd.', 'widgets', 'pty ltd'],
    ['Foo Limited', 'foo', 'ltd'],
    ['Foo Ltd', 'foo', 'ltd'],
    ['Foo L.L.C.', 'foo', 'llc'],
    ['Foo LLC', 'foo', 'llc'],
    ['Siemens AG', 'siemens', 'ag'],
    ['Bosch GmbH', 'bosch', 'gmbh'],
    ['Nestlé S.A.', 'nestle', 'sa'],
    ['Barclays PLC', 'barclays', 'plc'],
    ['Smith & Co.', 'smith', 'co'],
    ['Smith and Sons Co', 'smith sons', 'co'],
    ['The Boeing Company', 'boeing', 'co'],
    ['Johnson & Johnson', 'johnson johnson', null],
    ['Johnson and Johnson', 'johnson johnson', null],
    ['Johnson + Johnson', 'johnson johnson', null],
    ['Acme Intl', 'acme international', null],
    ['Acme International', 'acme international', null],
    ['Acme Mfg', 'acme manufacturing', null],
    ['Acme Svcs', 'acme services', null],
    ['Warner Bros', 'warner brothers', null],
    ['Warner Brothers', 'warner brothers', null],
    ['阿里巴巴集团控股有限公司', 'a li ba ba ji tuan kong gu', 'co ltd'],
    ['华为技术有限公司', 'hua wei ji shu', 'co ltd'],
    ['腾讯控股股份有限公司', 'teng xun kong gu', 'co ltd'],
    ["McDonald's", 'mcdonalds', null],
    ['St. Mary Hospital', 'saint mary hospital', null],
    ['Ltd', 'ltd', null],
  ];
  it.each(cases)('%s', (input, key, form) => {
    const o = standardizeOrganizationName(input);
    expect([o.key, o.legalForm]).toEqual([key, form]);
  });

  it('keeps the display form and the Han native form', () => {
    const o = standardizeOrganizationName('華為技術有限公司');
    expect(o.display).toBe('華為技術有限公司');
    expect(o.native).toBe('华为技术有限公司');
    expect(o.key).toBe('hua wei ji shu');
  });

  const empty = ['', '   ', '!!!', '---'];
  it.each(empty)('gives no key for %j', (input) => {
    expect(standardizeOrganizationName(input).key).toBeNull();
  });
});

describe('organisation key across spellings and scripts', () => {
  const key = (raw: string) => standardizeOrganizationName(raw).key;
  it('folds an umlaut, its written-out form and the bare vowel alike', () => {
    expect(key('Müller GmbH')).toBe('muller');
    expect(key('Mueller GmbH')).toBe(key('Müller GmbH'));
    expect(key('MULLER gmbh')).toBe(key('Müller GmbH'));
    expect(key('Schröder Bau AG')).toBe(key('Schroeder Bau'));
  });
  it('leaves a written-out vowel pair alone at a word end or before a vowel', () => {
    expect(key('Blue Sky Pty Ltd')).toBe('blue sky');
    expect(key('Coeur Ltd')).toBe('coeur');
  });
  it('ignores the legal form, also a leading Cyrillic one', () => {
    expect(key('Acme Ltd')).toBe(key('ACME Inc.'));
    expect(standardizeOrganizationName('ООО «Ромашка»')).toMatchObject({ key: 'romashka', legalForm: 'llc' });
    expect(key('ООО «Ромашка»')).toBe(key('Romashka LLC'));
    // A Latin name keeps a first word that only looks like a transliterated legal form.
    expect(key('Ooo La La Bakery')).toBe('ooo la la bakery');
  });
});

describe('looksLikeOrganization', () => {
  const cases: Array<[string, boolean]> = [
    ['Acme Corp', true],
    ['Smith & Sons', true],
    ['First National Bank', true],
    ['Little Angels Daycare', true],
    ['St Mary School', true],
    ['Widgets Pty Ltd', true],
    ['北京大学', true],
    ['华为技术有限公司', true],
    ['John Smith', false],
    ['Mary Jane Watson', false],
    ['张伟', false],
    ['Jean-Luc Picard', false],
    ['', false],
  ];
  it.each(cases)('%s → %s', (input, out) => expect(looksLikeOrganization(input)).toBe(out));
});
