/**
 * The national-number fast path must give exactly what libphonenumber-js gives: parsePhone with
 * and without it is compared on the sample fixture's phones, on every country's example numbers
 * (valid, mutated, with and without national prefix) and on seeded random digit strings.
 */
import { getCountries, Metadata } from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json';
import metadataJson from 'libphonenumber-js/max/metadata';
import { describe, expect, it } from 'vitest';
import { readCanonicalCsv } from '../io/canonical-csv.js';
import { parseNationalNumber } from './phone-national.js';
import { parsePhone } from './phones.js';

const SAMPLE = new URL('../../fixtures/sample/records.csv', import.meta.url).pathname;

/** Texts for which fast and reference results differ (empty when they agree). */
function disagreements(texts: Iterable<string>, countries: string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    for (const country of countries) {
      const fast = parsePhone(text, country, true);
      const reference = parsePhone(text, country, false);
      if (JSON.stringify(fast) !== JSON.stringify(reference)) out.push(`${country} ${text}`);
    }
  }
  return out;
}

/** Deterministic PRNG (LCG) so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('parseNationalNumber (fast path)', () => {
  it('handles the common national shapes and leaves others to the library', () => {
    expect(parseNationalNumber('0412 345 678', 'AU')).toMatchObject({ callingCode: '61', nationalNumber: '412345678' });
    expect(parseNationalNumber('(312) 555-1234', 'US')).toMatchObject({
      callingCode: '1',
      nationalNumber: '3125551234',
    });
    expect(parseNationalNumber('+61 412 345 678', 'AU')).toBeUndefined();
    expect(parseNationalNumber('310.246.1501 x23', 'US')).toBeUndefined();
    expect(parseNationalNumber('0011 44 20 7946 0958', 'AU')).toBeUndefined(); // IDD
    expect(parseNationalNumber('61 412 345 678', 'AU')).toBeUndefined(); // calling code without +
    expect(parseNationalNumber('0412 345 678', 'ZZ')).toBeUndefined();
  });

  it('agrees with libphonenumber-js on the sample fixture phones', async () => {
    const phones = new Set<string>();
    for await (const row of readCanonicalCsv(SAMPLE))
      if ('record' in row && row.record.phone) phones.add(row.record.phone);
    expect(phones.size).toBeGreaterThan(100);
    expect(disagreements(phones, ['AU', 'US', 'GB', 'CN'])).toEqual([]);
  });

  it("agrees on every country's example numbers, mutated and with national prefixes", () => {
    const metadata = new Metadata(metadataJson) as unknown as {
      selectNumberingPlan(c: string): void;
      numberingPlan: { nationalPrefix(): string | undefined };
    };
    const next = random(7);
    const texts = new Set<string>();
    const countries = getCountries(metadataJson);
    for (const country of countries) {
      const example = (examples as Record<string, string | undefined>)[country];
      if (!example) continue;
      metadata.selectNumberingPlan(country);
      const prefix = metadata.numberingPlan.nationalPrefix() ?? '';
      for (let i = 0; i < 6; i++) {
        const cut = example.length - 1 - Math.floor(next() * Math.min(4, example.length - 1));
        const mutated = example.slice(0, cut) + String(Math.floor(next() * 10)) + example.slice(cut + 1);
        for (const nn of [example, mutated, mutated.slice(0, -1), mutated + '5']) {
          texts.add(`${country}\t${nn}`);
          texts.add(`${country}\t${prefix}${nn}`);
          texts.add(`${country}\t(${prefix}${nn.slice(0, 2)}) ${nn.slice(2, 5)}-${nn.slice(5)}`);
        }
      }
    }
    const bad: string[] = [];
    let valid = 0;
    for (const entry of texts) {
      const [country, text] = entry.split('\t') as [string, string];
      bad.push(...disagreements([text], [country]));
      if (parsePhone(text, country, true).status === 'valid') valid += 1;
    }
    expect(bad).toEqual([]);
    expect(valid).toBeGreaterThan(texts.size / 4); // the comparison covers many valid numbers
  });

  it('agrees on random digit strings with national, international and carrier prefixes', () => {
    const next = random(12345);
    const prefixes = [
      '',
      '0',
      '00',
      '1',
      '011',
      '0011',
      '61',
      '44',
      '86',
      '1831',
      '04',
      '02',
      '0800',
      '1800',
      '13',
      '8',
    ];
    const separators = ['', ' ', '-', '.', '(', ')', '/'];
    const countries = ['AU', 'US', 'GB', 'CN', 'CA', 'NZ', 'DE', 'FR', 'IN', 'BR', 'CO', 'RU', 'VI', 'AR', 'MX', 'ZZ'];
    const bad: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let text = prefixes[Math.floor(next() * prefixes.length)]!;
      const length = Math.floor(next() * 16);
      for (let k = 0; k < length; k++) {
        text += String(Math.floor(next() * 10));
        if (next() < 0.15) text += separators[Math.floor(next() * separators.length)];
      }
      bad.push(...disagreements([text], [countries[Math.floor(next() * countries.length)]!]));
    }
    expect(bad).toEqual([]);
  });
});
