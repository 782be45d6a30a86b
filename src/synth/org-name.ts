/** Organisation trading names per locale ("Harbour Logistics", "Smith & Jones", "北京华远贸易"). */
import type { Address, LocaleSpec } from './locales/types.js';
import type { Rng } from './prng.js';
import { CN_INDUSTRIES, CN_ORG_WORDS, ORG_ADJECTIVES, ORG_NOUNS } from './tables/orgs.js';
import { CN_PLACES } from './tables/places.js';
import { emailWord } from './email.js';

const CITY_PINYIN = new Map(CN_PLACES.map((p) => [p[0], p[1]]));

export interface OrgName {
  name: string;
  nativeName: string | null;
  domain: string;
}

export function makeOrgName(rng: Rng, locale: LocaleSpec, address: Address): OrgName {
  if (locale.code === 'cn') {
    const [wordCn, wordPy] = rng.pick(CN_ORG_WORDS);
    const [indCn, indEn] = rng.pick(CN_INDUSTRIES);
    const cityCn = address.locality;
    const cityPy = CITY_PINYIN.get(cityCn) ?? '';
    return {
      name: `${cityPy} ${wordPy} ${indEn}`,
      nativeName: `${cityCn.replace(/市$/, '')}${wordCn}${indCn}`,
      domain: `${emailWord(wordPy)}${emailWord(indEn).slice(0, 4)}.${locale.orgTld}`,
    };
  }
  const r = rng.float();
  let name: string;
  if (r < 0.2) name = `${locale.family.pick(rng).latin} & ${locale.family.pick(rng).latin}`;
  else if (r < 0.5) name = `${locale.family.pick(rng).latin} ${rng.pick(ORG_NOUNS)}`;
  else if (r < 0.85) name = `${rng.pick(ORG_ADJECTIVES)} ${rng.pick(ORG_NOUNS)}`;
  else name = `${address.locality} ${rng.pick(ORG_NOUNS)}`;
  const slug = name
    .split(' ')
    .filter((w) => w !== '&')
    .map(emailWord)
    .join('');
  return { name, nativeName: null, domain: `${slug}.${locale.orgTld}` };
}
