import { describe, expect, it } from 'vitest';
import { standardizeAddress, type AddressInput } from './addresses.js';
import type { Problem } from './types.js';

function std(input: AddressInput, country = 'US') {
  const problems: Problem[] = [];
  const a = standardizeAddress(input, country, problems);
  return { a, codes: problems.map((p) => p.code) };
}

describe('street lines', () => {
  const cases: Array<[string, string, string | null, string | null, string | null, string | null, string | null]> = [
    // line1, country, addressLine, house, street, type, unit
    ['123 Main Street', 'US', '123 main st', '123', 'main', 'st', null],
    ['123 Main St.', 'US', '123 main st', '123', 'main', 'st', null],
    ['221 E. 51st St.', 'US', '221 e 51st st', '221', '51st', 'st', null],
    ['435 s. la cienega blv.', 'US', '435 s la cienega blvd', '435', 'la cienega', 'blvd', null],
    ['12224 ventura blvd.', 'US', '12224 ventura blvd', '12224', 'ventura', 'blvd', null],
    ['100 Oak Park Avenue', 'US', '100 oak park ave', '100', 'oak park', 'ave', null],
    ['55 N Main', 'US', '55 n main', '55', 'main', null, null],
    ['10 Elm St NW', 'US', '10 elm st nw', '10', 'elm', 'st', null],
    ['12-14 Smith Rd', 'US', '12-14 smith rd', '12-14', 'smith', 'rd', null],
    ['12 1/2 Smith Rd', 'US', '12 1/2 smith rd', '12 1/2', 'smith', 'rd', null],
    ['12A Smith Rd', 'US', '12a smith rd', '12a', 'smith', 'rd', null],
    ['123 Main St Apt 4B', 'US', '4b/123 main st', '123', 'main', 'st', '4b'],
    ['123 Main St #5', 'US', '5/123 main st', '123', 'main', 'st', '5'],
    ['Suite 100, 500 Market Street', 'US', '100/500 market st', '500', 'market', 'st', '100'],
    ['3/12 Smith St', 'AU', '3/12 smith st', '12', 'smith', 'st', '3'],
    ['Unit 3 12 Smith Street', 'AU', '3/12 smith st', '12', 'smith', 'st', '3'],
    ['44 forbes street', 'AU', '44 forbes st', '44', 'forbes', 'st', null],
    ['48 goldfinch circuit', 'AU', '48 goldfinch cct', '48', 'goldfinch', 'cct', null],
    ['5 milne cove', 'AU', '5 milne cove', '5', 'milne', 'cove', null],
    ['7 wallaby place', 'AU', '7 wallaby pl', '7', 'wallaby', 'pl', null],
    ['12 pinkerton circuit', 'AU', '12 pinkerton cct', '12', 'pinkerton', 'cct', null],
    ['9 anzac parade', 'AU', '9 anzac pde', '9', 'anzac', 'pde', null],
    ['1 north terrace', 'AU', '1 north tce', '1', 'north', 'tce', null],
    ['177 pridhamstreet', 'AU', '177 pridham st', '177', 'pridham', 'st', null],
    ['Flat 2, 10 Downing Street', 'GB', '2/10 downing st', '10', 'downing', 'st', '2'],
    ['221B Baker Street', 'GB', '221b baker st', '221b', 'baker', 'st', null],
    ['14 Abbey Road', 'GB', '14 abbey rd', '14', 'abbey', 'rd', null],
    ['3 Kensington Gardens', 'GB', '3 kensington gdns', '3', 'kensington', 'gdns', null],
    ['1 St Kilda Rd', 'AU', '1 saint kilda rd', '1', 'saint kilda', 'rd', null],
    ['waratah street', 'AU', 'waratah st', null, 'waratah', 'st', null],
    ['Broadway', 'US', 'broadway', null, 'broadway', null, null],
    ['1', 'AU', '1', '1', null, null, null],
  ];
  it.each(cases)('%s (%s)', (line1, country, line, house, street, type, unit) => {
    const { a, codes } = std({ line1, country }, country);
    expect([a.addressLine, a.houseNumber, a.streetName, a.streetType, a.unit]).toEqual([
      line,
      house,
      street,
      type,
      unit,
    ]);
    expect(codes).not.toContain('address.unparsed');
  });

  const poBoxes: Array<[string, string]> = [
    ['PO Box 123', '123'],
    ['P.O. Box 45', '45'],
    ['GPO Box 1234', '1234'],
    ['Locked Bag 7', '7'],
    ['Post Office Box 99', '99'],
  ];
  it.each(poBoxes)('PO box %s', (line1, box) => {
    expect(std({ line1 }).a.poBox).toBe(box);
  });

  it('takes the unit from line 2', () => {
    expect(std({ line1: '500 Market St', line2: 'Apt 4' }).a.unit).toBe('4');
  });
  it('reads swapped lines', () => {
    expect(std({ line1: 'Sunvilla Court', line2: '5 hurtle avenue' }, 'AU').a.addressLine).toBe('5 hurtle ave');
  });
  it('pulls postcode and region out of a one-line address', () => {
    const { a } = std({ line1: '27 Washington Oak Park IL 60302' });
    expect([a.postalCode, a.region, a.houseNumber]).toEqual(['60302', 'IL', '27']);
  });
  it('uses the locality written after the street type when the field is empty', () => {
    expect(std({ line1: '123 Main St Springfield IL 62701' }).a.locality).toBe('springfield');
  });
  const unparsed = ['!!!', '---', '#'];
  it.each(unparsed)('reports %j as unparsed', (line1) => {
    expect(std({ line1 }).codes).toContain('address.unparsed');
  });
});

describe('postcodes, regions, countries', () => {
  const cases: Array<[AddressInput, string | null, string | null, string | null, string[]]> = [
    // input, postcode, region, country, problem codes
    [{ postalCode: '90210', region: 'CA', country: 'US' }, '90210', 'CA', 'US', []],
    [{ postalCode: '90210-1234', region: 'California', country: 'USA' }, '90210-1234', 'CA', 'US', []],
    [{ postalCode: '902101234', country: 'US' }, '90210-1234', null, 'US', []],
    [{ postalCode: '9021', country: 'US' }, '9021', null, 'US', ['address.postcode_invalid']],
    [{ postalCode: '60302', region: 'TX', country: 'US' }, '60302', 'TX', 'US', ['address.region_postcode_mismatch']],
    [{ postalCode: '2000', region: 'nsw', country: 'AU' }, '2000', 'NSW', 'AU', []],
    [{ postalCode: '2000', region: 'New South Wales', country: 'Australia' }, '2000', 'NSW', 'AU', []],
    [{ postalCode: '3000', region: 'vic', country: 'AU' }, '3000', 'VIC', 'AU', []],
    [{ postalCode: '2600', region: 'act', country: 'AU' }, '2600', 'ACT', 'AU', []],
    [{ postalCode: '800', region: 'NT', country: 'AU' }, '0800', 'NT', 'AU', []],
    [{ postalCode: '4000', region: 'vic', country: 'AU' }, '4000', 'VIC', 'AU', ['address.region_postcode_mismatch']],
    [{ postalCode: '20000', country: 'AU' }, '20000', null, 'AU', ['address.postcode_invalid']],
    [{ postalCode: 'sw1a1aa', country: 'UK' }, 'SW1A 1AA', null, 'GB', []],
    [{ postalCode: 'EC1A 1BB', country: 'GB' }, 'EC1A 1BB', null, 'GB', []],
    [{ postalCode: 'M1 1AE', country: 'England' }, 'M1 1AE', null, 'GB', []],
    [{ postalCode: '12345', country: 'GB' }, '12345', null, 'GB', ['address.postcode_invalid']],
    [{ postalCode: 'k1a0b1', region: 'Ontario', country: 'CA' }, 'K1A 0B1', 'ON', 'CA', []],
    [
      { postalCode: 'K1A 0B1', region: 'BC', country: 'Canada' },
      'K1A 0B1',
      'BC',
      'CA',
      ['address.region_postcode_mismatch'],
    ],
    [{ postalCode: '10115', country: 'DE' }, '10115', null, 'DE', []],
    [{ postalCode: '75008', country: 'France' }, '75008', null, 'FR', []],
    [{ postalCode: '100000', country: 'CN' }, '100000', null, 'CN', []],
    [{ postalCode: '10000', country: 'China' }, '10000', null, 'CN', ['address.postcode_invalid']],
    [
      { postalCode: 'AB-123', country: 'Narnia' },
      'AB123',
      null,
      null,
      ['address.country_unknown', 'address.postcode_invalid'],
    ],
    [{ region: 'Atlantis', country: 'US' }, null, 'ATLANTIS', 'US', ['address.region_unknown']],
    [{ locality: 'St James', country: 'AU' }, null, null, 'AU', []],
  ];
  it.each(cases)('%j', (input, postcode, region, country, codes) => {
    const { a, codes: got } = std(input, 'US');
    expect([a.postalCode, a.region, a.country]).toEqual([postcode, region, country]);
    expect(got).toEqual(codes);
  });

  it('folds locality abbreviations', () => {
    expect(std({ locality: 'St James' }).a.locality).toBe('saint james');
    expect(std({ locality: 'MT. DRUITT' }).a.locality).toBe('mount druitt');
  });
});
