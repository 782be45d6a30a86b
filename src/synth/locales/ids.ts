/**
 * National and business identifiers with their real check-digit rules, so a validator in
 * standardisation can tell a typo from a well-formed number. All numbers are random: any match
 * with a real person's or company's number is chance.
 */
import type { Rng } from '../prng.js';

/** Australian Business Number: 11 digits, (first digit − 1) then weights 10,1,3,…,19, sum ≡ 0 mod 89. */
export function makeAbn(rng: Rng): string {
  const weights = [3, 5, 7, 9, 11, 13, 15, 17, 19];
  const rest = rng.digits(9);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(rest[i]) * (weights[i] as number);
  // The two leading digits contribute (d1 − 1)·10 + d2, which covers 0..89: pick the one that zeroes the sum.
  const need = (89 - (sum % 89)) % 89;
  const d1 = Math.floor(need / 10) + 1;
  const d2 = need % 10;
  return `${d1}${d2}${rest}`;
}

/** Australian Tax File Number: 9 digits, weights 1,4,3,7,5,8,6,9,10, sum ≡ 0 mod 11 (retry until valid). */
export function makeTfn(rng: Rng): string {
  const weights = [1, 4, 3, 7, 5, 8, 6, 9, 10];
  for (;;) {
    const digits = rng.digits(8);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (weights[i] as number);
    // last weight is 10: find d with (sum + 10d) ≡ 0 (mod 11), i.e. d ≡ sum (mod 11) since 10 ≡ −1.
    const d = sum % 11;
    if (d <= 9) return digits + String(d);
  }
}

/** US SSN shape AAA-GG-SSSS avoiding the never-issued areas 000, 666 and 900–999. */
export function makeSsn(rng: Rng): string {
  let area = rng.range(1, 899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}-${String(rng.range(1, 99)).padStart(2, '0')}-${String(rng.range(1, 9999)).padStart(4, '0')}`;
}

/** US Employer Identification Number, NN-NNNNNNN with a valid campus prefix. */
export function makeEin(rng: Rng): string {
  const prefixes = ['10', '12', '20', '27', '30', '35', '45', '46', '52', '61', '71', '81', '82', '84', '94', '95'];
  return `${rng.pick(prefixes)}-${rng.digits(7)}`;
}

/** UK National Insurance number: two prefix letters (not D F I Q U V; second not O), six digits, A–D. */
export function makeNino(rng: Rng): string {
  const first = 'ABCEGHJKLMNPRSTWXYZ';
  const second = 'ABCEGHJKLMNPRSTWXYZ';
  return `${first[rng.int(first.length)]}${second[rng.int(second.length)]}${rng.digits(6)}${'ABCD'[rng.int(4)]}`;
}

/** UK Companies House number: 8 digits, or a two-letter jurisdiction prefix (SC, NI) and 6 digits. */
export function makeCompanyNumber(rng: Rng): string {
  const r = rng.float();
  if (r < 0.08) return 'SC' + rng.digits(6);
  if (r < 0.11) return 'NI' + rng.digits(6);
  return '0' + rng.digits(7);
}

/** Chinese resident identity number (GB 11643): region(6) birth date(8) sequence(3) ISO 7064 MOD 11-2 check. */
export function makeCnResidentId(rng: Rng, regionPrefix: string, dob: string, gender: 'm' | 'f'): string {
  const region = regionPrefix + String(rng.range(1, 15)).padStart(2, '0');
  let seq = rng.range(0, 998);
  if ((seq % 2 === 1) !== (gender === 'm')) seq += 1; // odd sequence = male
  const body = region + dob.replace(/-/g, '') + String(seq).padStart(3, '0');
  return body + cnIdCheckChar(body);
}

/** ISO 7064 MOD 11-2 check character of the first 17 digits of a resident id. */
export function cnIdCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11] as string;
}

/** Chinese unified social credit code shape: 18 characters (registration authority, type, region, org code). */
export function makeCnCreditCode(rng: Rng, regionPrefix: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let code = '91' + regionPrefix + String(rng.range(0, 99)).padStart(2, '0');
  for (let i = 0; i < 10; i++) code += alphabet[rng.int(alphabet.length)];
  return code;
}
