/** The locales by code, and the mix used by `--locale mixed`. */
import type { Rng } from '../prng.js';
import { weighted, type Weighted } from '../weighted.js';
import { AU } from './au.js';
import { CN } from './cn.js';
import { UK } from './uk.js';
import { US } from './us.js';
import type { LocaleCode, LocaleSpec } from './types.js';

export const LOCALES: Readonly<Record<LocaleCode, LocaleSpec>> = { us: US, au: AU, uk: UK, cn: CN };

export type LocaleChoice = LocaleCode | 'mixed';

/** Share of customers per locale under `mixed`: a national post with many foreign-addressed customers. */
export const MIXED_LOCALE_SHARES: Readonly<Record<LocaleCode, number>> = { au: 0.4, us: 0.2, uk: 0.2, cn: 0.2 };

export function localePicker(choice: LocaleChoice): (rng: Rng) => LocaleSpec {
  if (choice !== 'mixed') {
    const spec = LOCALES[choice];
    return () => spec;
  }
  const mix: Weighted<LocaleSpec> = weighted(
    (Object.keys(MIXED_LOCALE_SHARES) as LocaleCode[]).map((c) => [LOCALES[c], MIXED_LOCALE_SHARES[c]]),
  );
  return (rng) => mix.pick(rng);
}

export type { LocaleCode, LocaleSpec } from './types.js';
