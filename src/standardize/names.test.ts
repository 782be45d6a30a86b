import { describe, expect, it } from 'vitest';
import { canonicalGiven, foldFamilyName, foldGivenName, phoneticKey, splitFullName } from './names.js';
import { nicknamePairCount } from './tables/nicknames.js';

describe('splitFullName', () => {
  const cases: Array<[string, string | null, string | null, string | null]> = [
    // input, given, middle, family
    ['John Smith', 'John', null, 'Smith'],
    ['Smith, John', 'John', null, 'Smith'],
    ['Smith, John A.', 'John', 'A.', 'Smith'],
    ['Mr John Smith', 'John', null, 'Smith'],
    ['Mrs. Jane Doe', 'Jane', null, 'Doe'],
    ['Dr. Robert van der Berg Jr.', 'Robert', null, 'van der Berg'],
    ['Prof Maria de la Cruz', 'Maria', null, 'de la Cruz'],
    ['Ludwig von Beethoven', 'Ludwig', null, 'von Beethoven'],
    ['Ahmad bin Ali', 'Ahmad', null, 'bin Ali'],
    ['Mary-Jane Watson-Parker', 'Mary-Jane', null, 'Watson-Parker'],
    ['John Ronald Reuel Tolkien', 'John', 'Ronald Reuel', 'Tolkien'],
    ['Martin Luther King III', 'Martin', 'Luther', 'King'],
    ['Jane Doe PhD', 'Jane', null, 'Doe'],
    ['Smith, John, Jr.', 'John', null, 'Smith'],
    ['  john   smith  ', 'john', null, 'smith'],
    ['ＪＯＨＮ ＳＭＩＴＨ', 'JOHN', null, 'SMITH'],
    ['张伟', '伟', null, '张'],
    ['张小明', '小明', null, '张'],
    ['欧阳娜娜', '娜娜', null, '欧阳'],
    ['歐陽娜娜', '娜娜', null, '歐陽'],
    ['司马光', '光', null, '司马'],
    ['王 小明', '小明', null, '王'],
    ["Seán O'Brien", 'Seán', null, "O'Brien"],
    ['Sir Elton Hercules John', 'Elton', 'Hercules', 'John'],
  ];
  it.each(cases)('%s', (input, given, middle, family) => {
    const p = splitFullName(input);
    expect([p.given, p.middle, p.family]).toEqual([given, middle, family]);
  });

  const unparsed: string[] = ['Madonna', '!!!', 'Mr'];
  it.each(unparsed)('flags %s as unparsed', (input) => {
    expect(splitFullName(input).unparsed).toBe(true);
  });

  it('takes the first of two honorifics or two suffixes (used to loop forever)', () => {
    expect(splitFullName('Mr M. King')).toMatchObject({ honorific: 'Mr', family: 'King' });
    expect(splitFullName('Dr Prof Ada Lovelace')).toMatchObject({ honorific: 'Dr', given: 'Ada', family: 'Lovelace' });
    expect(splitFullName('John Smith Jr III')).toMatchObject({ given: 'John', family: 'Smith' });
  });

  it('returns empty parts for empty input', () => {
    expect(splitFullName('')).toMatchObject({ given: null, family: null, unparsed: false });
    expect(splitFullName(null)).toMatchObject({ given: null, family: null, unparsed: false });
  });
});

describe('fold and canonical names', () => {
  const given: Array<[string, string]> = [
    ['José', 'jose'],
    ['Zoë', 'zoe'],
    ['Bjørn', 'bjorn'],
    ['小明', 'xiaoming'],
    ['偉', 'wei'],
    ['Ng', 'ng'],
    ["D'Arcy", 'darcy'],
    ['Анна', 'anna'],
  ];
  it.each(given)('given %s → %s', (input, out) => expect(foldGivenName(input)).toBe(out));

  const family: Array<[string, string]> = [
    ['曾', 'zeng'],
    ['单', 'shan'],
    ['欧阳', 'ouyang'],
    ['Müller', 'muller'],
    ["O'Neil", 'oneil'],
    ['García Márquez', 'garcia marquez'],
  ];
  it.each(family)('family %s → %s', (input, out) => expect(foldFamilyName(input)).toBe(out));

  const nick: Array<[string, string]> = [
    ['bob', 'robert'],
    ['bobby', 'robert'],
    ['rob', 'robert'],
    ['robert', 'robert'],
    ['bill', 'william'],
    ['billy', 'william'],
    ['will', 'william'],
    ['liz', 'elizabeth'],
    ['beth', 'elizabeth'],
    ['betty', 'elizabeth'],
    ['jim', 'james'],
    ['jimmy', 'james'],
    ['jack', 'john'],
    ['johnny', 'john'],
    ['mike', 'michael'],
    ['tom', 'thomas'],
    ['ted', 'edward'],
    ['dick', 'richard'],
    ['tony', 'anthony'],
    ['peggy', 'margaret'],
    ['kate', 'katherine'],
    ['dave', 'david'],
    ['sally', 'sarah'],
    ['zzyzx', 'zzyzx'],
    ['bob lee', 'robert lee'],
  ];
  it.each(nick)('nickname %s → %s', (input, out) => expect(canonicalGiven(input)).toBe(out));

  it('uses a table of at least 500 nickname pairs', () => {
    expect(nicknamePairCount()).toBeGreaterThanOrEqual(500);
  });

  const phonetic: Array<[string, string, boolean]> = [
    ['smith', 'smyth', true],
    ['catherine', 'kathryn', true],
    ['stephen', 'steven', true],
    ['smith', 'jones', false],
  ];
  it.each(phonetic)('phonetic %s ~ %s is %s', (a, b, same) => {
    expect(phoneticKey(a) === phoneticKey(b)).toBe(same);
  });
  it('phonetic key of nothing is null', () => {
    expect(phoneticKey(null)).toBeNull();
    expect(phoneticKey('123')).toBeNull();
  });
});
