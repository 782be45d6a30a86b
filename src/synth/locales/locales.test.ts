import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { Rng } from '../prng.js';
import { PHONE_STYLES } from './types.js';
import { LOCALES } from './index.js';
import { cnIdCheckChar, makeAbn, makeCnResidentId, makeTfn } from './ids.js';

describe('locales', () => {
  it('make phones that libphonenumber-js accepts as valid, in every format', () => {
    const rng = new Rng('phones');
    for (const locale of Object.values(LOCALES)) {
      let valid = 0;
      let total = 0;
      for (let i = 0; i < 400; i++) {
        const address = locale.makeAddress(rng);
        const phone = locale.makePhone(rng, address, i % 2 === 0);
        for (const style of PHONE_STYLES) {
          total += 1;
          if (isValidPhoneNumber(locale.formatPhone(phone, style), locale.country)) valid += 1;
        }
      }
      expect(valid / total, locale.code).toBeGreaterThan(0.98);
    }
  });
});

describe('identifiers', () => {
  it('makes ABNs that pass the ATO check (weights 10,1,3..19 after subtracting 1 from the first digit, mod 89)', () => {
    const rng = new Rng('abn');
    const weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
    for (let i = 0; i < 200; i++) {
      const abn = makeAbn(rng);
      expect(abn).toMatch(/^\d{11}$/);
      const digits = [...abn].map(Number);
      digits[0] = (digits[0] as number) - 1;
      expect(digits.reduce((sum, d, k) => sum + d * (weights[k] as number), 0) % 89).toBe(0);
    }
  });

  it('makes TFNs that pass the weighted mod-11 check', () => {
    const rng = new Rng('tfn');
    const weights = [1, 4, 3, 7, 5, 8, 6, 9, 10];
    for (let i = 0; i < 200; i++) {
      const tfn = makeTfn(rng);
      expect([...tfn].reduce((sum, d, k) => sum + Number(d) * (weights[k] as number), 0) % 11).toBe(0);
    }
  });

  it('makes Chinese resident ids with the birth date, sex digit and ISO 7064 check character', () => {
    const rng = new Rng('cn-id');
    const id = makeCnResidentId(rng, '1101', '1985-07-23', 'f');
    expect(id).toMatch(/^1101\d{2}19850723\d{3}[\dX]$/);
    expect(Number(id[16]) % 2).toBe(0);
    expect(id[17]).toBe(cnIdCheckChar(id.slice(0, 17)));
    // The worked example of GB 11643-1999: 11010519491231002X.
    expect(cnIdCheckChar('11010519491231002')).toBe('X');
  });
});
