/**
 * The SQL abbreviation test of the incremental golden record (abbreviationPattern, run by PostgreSQL
 * over dot-less keys) agrees with golden.ts's `abbreviates` on every pair of keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abbreviates } from '../../src/mdm/golden/golden.js';
import { abbreviationPattern } from '../../src/mdm/golden/golden-holders.js';

const word = fc.constantFrom('m', 'm.', 'mitchell', 'mi', 'j', 'jo', 'smith', 's', 'a+b', '(x)', 'o.brien', '');
const key = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));

function sqlSays(short: string, long: string): boolean {
  const pattern = abbreviationPattern(short);
  if (pattern === null) return false;
  const l = long.replace(/\./g, '');
  return new RegExp(pattern, 'u').test(l) && l !== short.replace(/\./g, '');
}

describe('abbreviationPattern', () => {
  it('matches exactly the keys a key abbreviates', () => {
    fc.assert(
      fc.property(key, key, (a, b) => {
        expect(sqlSays(a, b)).toBe(abbreviates(a, b));
      }),
      { numRuns: 2000 },
    );
  });
});
