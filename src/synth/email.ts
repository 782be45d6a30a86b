/** Email addresses derived from a person's name, the way people really pick them (and QQ numbers in China). */
import type { LocaleSpec, NamePart } from './locales/types.js';
import type { Rng } from './prng.js';

/** Lower-case ASCII letters only: "O'Brien" → "obrien". */
export function emailWord(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i) | 0x20;
    if (c >= 97 && c <= 122) out += String.fromCharCode(c);
  }
  return out;
}

export function personEmail(rng: Rng, locale: LocaleSpec, given: NamePart, family: NamePart, dob: string): string {
  const domain = locale.emailDomains.pick(rng);
  if (domain === 'qq.com') return `${rng.range(1, 9)}${rng.digits(rng.range(5, 9))}@qq.com`;
  const g = emailWord(given.latin);
  const f = emailWord(family.latin);
  let local: string;
  switch (rng.int(7)) {
    case 0:
      local = `${g}.${f}`;
      break;
    case 1:
      local = `${g}${f}`;
      break;
    case 2:
      local = `${g[0] ?? ''}${f}`;
      break;
    case 3:
      local = `${f}.${g}`;
      break;
    case 4:
      local = `${g}_${f}`;
      break;
    case 5:
      local = `${g}${dob.slice(2, 4)}`;
      break;
    default:
      local = `${f}${g[0] ?? ''}`;
  }
  // Free-mail providers make people add numbers: year of birth or a few digits.
  const r = rng.float();
  if (r < 0.3) local += dob.slice(0, 4);
  else if (r < 0.6) local += rng.range(1, 999);
  return `${local}@${domain}`;
}
