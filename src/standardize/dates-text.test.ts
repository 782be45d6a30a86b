import { describe, expect, it } from 'vitest';
import { parseDate, type DateOrder } from './dates.js';
import { cleanText, displayCase, foldText, toAscii } from './text.js';

const today = new Date(Date.UTC(2026, 10, 23));

describe('parseDate', () => {
  const cases: Array<[string, DateOrder, string | null, string | null]> = [
    // input, order, iso, problem
    ['1978-03-01', 'DMY', '1978-03-01', null],
    ['1978/3/1', 'MDY', '1978-03-01', null],
    ['19780301', 'DMY', '1978-03-01', null],
    ['01031978', 'DMY', '1978-03-01', null],
    ['03011978', 'MDY', '1978-03-01', null],
    ['03/04/2001', 'DMY', '2001-04-03', null],
    ['03/04/2001', 'MDY', '2001-03-04', null],
    ['13/04/2001', 'MDY', '2001-04-13', null],
    ['04/13/2001', 'DMY', '2001-04-13', null],
    ['3.4.2001', 'DMY', '2001-04-03', null],
    ['03-04-01', 'DMY', '2001-04-03', null],
    ['03-04-85', 'DMY', '1985-04-03', null],
    ['03/04/30', 'DMY', '1930-04-03', null],
    ['12 March 1980', 'DMY', '1980-03-12', null],
    ['March 12, 1980', 'DMY', '1980-03-12', null],
    ['12-MAR-80', 'DMY', '1980-03-12', null],
    ['1980 Mar 12', 'DMY', '1980-03-12', null],
    ['12th of March 1980', 'DMY', '1980-03-12', null],
    ['1978-03-01T00:00:00Z', 'DMY', '1978-03-01', null],
    ['1978-03-01 00:00:00', 'DMY', '1978-03-01', null],
    ['29107', 'DMY', '1979-09-09', null],
    ['2000-02-29', 'DMY', '2000-02-29', null],
    ['1900-02-29', 'DMY', null, 'date.impossible'],
    ['1978-02-30', 'DMY', null, 'date.impossible'],
    ['19781301', 'DMY', null, 'date.impossible'],
    ['31/04/1990', 'DMY', null, 'date.impossible'],
    ['2030-01-01', 'DMY', '2030-01-01', 'date.future'],
    ['1890-01-01', 'DMY', '1890-01-01', 'date.too_old'],
    ['yesterday', 'DMY', null, 'date.unparsed'],
    ['31st Smarch 1980', 'DMY', null, 'date.unparsed'],
    ['!!!', 'DMY', null, 'date.unparsed'],
    ['', 'DMY', null, null],
  ];
  it.each(cases)('%s (%s)', (input, order, iso, problem) => {
    const d = parseDate(input, order, today);
    expect([d.iso, d.problem]).toEqual([iso, problem]);
  });

  it('keeps the valid parts of an impossible date', () => {
    expect(parseDate('19781301', 'DMY', today)).toMatchObject({ year: 1978, month: null, day: 1 });
  });
  it('returns year, month and day', () => {
    expect(parseDate('1978-03-01', 'DMY', today)).toMatchObject({ year: 1978, month: 3, day: 1 });
  });
});

describe('text', () => {
  const clean: Array<[string, string]> = [
    ['  a   b  ', 'a b'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['a\u200bb', 'a b'],
    ['tab\tand\nnewline', 'tab and newline'],
    ['ﬁne', 'fine'],
    ['', ''],
  ];
  it.each(clean)('cleanText %j', (input, out) => expect(cleanText(input)).toBe(out));

  const fold: Array<[string, string]> = [
    ['Crème Brûlée', 'creme brulee'],
    ["O'Brien-Smith", 'obrien smith'],
    ['ÅSA', 'asa'],
    ['北京', 'bei jing'],
    ['Москва', 'moskva'],
    ['Ελλάδα', 'ellada'],
    ['東京', 'dong jing'],
    ['...', ''],
    ['😀 smile', 'grinning smile'],
  ];
  it.each(fold)('foldText %j', (input, out) => expect(foldText(input)).toBe(out));

  it('transliterates mixed scripts', () => {
    expect(toAscii('Zoë 张')).toBe('Zoe  zhang ');
  });
  it('title-cases single-case names and keeps mixed case', () => {
    expect(displayCase('john smith')).toBe('John Smith');
    expect(displayCase('JOHN MCDONALD')).toBe('John Mcdonald');
    expect(displayCase('John McDonald')).toBe('John McDonald');
    expect(displayCase("mary-jane o'neil")).toBe("Mary-Jane O'Neil");
  });
  it('caps very long values', () => {
    expect(cleanText('x'.repeat(10_000)).length).toBe(512);
  });
});
