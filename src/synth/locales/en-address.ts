/** Street addresses shared by the English-speaking locales (house number, street name, street type). */
import type { Rng } from '../prng.js';
import { EN_STREETS, STREET_TYPES } from '../tables/places.js';
import { weighted, words, type Weighted } from '../weighted.js';

const streets = words(EN_STREETS);
const streetTypes: Weighted<readonly [string, string]> = weighted(STREET_TYPES.map((t) => [[t[0], t[1]], t[2]]));

export interface StreetParts {
  unit: string | null;
  house: string;
  street: string;
  streetType: readonly [string, string];
}

/** A street address; `unitShare` of them are units/flats/apartments. Small house numbers are more common. */
export function makeStreet(rng: Rng, unitShare: number, unitLetters: boolean): StreetParts {
  const house = String(1 + Math.floor(Math.pow(rng.float(), 2) * 400));
  let unit: string | null = null;
  if (rng.chance(unitShare)) {
    unit = String(rng.range(1, 40));
    if (unitLetters && rng.chance(0.2)) unit = String(rng.range(1, 9)) + 'ABCD'[rng.int(4)];
  }
  return { unit, house, street: rng.pick(streets), streetType: streetTypes.pick(rng) };
}

/** "12 Oak Street" or "12 Oak St". */
export function streetText(
  house: string,
  street: string,
  type: readonly [string, string],
  abbreviate: boolean,
): string {
  return `${house} ${street} ${abbreviate ? type[1] : type[0]}`;
}
