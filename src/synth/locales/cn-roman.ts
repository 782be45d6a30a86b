/**
 * Chinese addresses written in pinyin, as foreign-facing systems and overseas senders write them:
 * 朝阳区建国路88号3栋2单元501室 → "88 Jianguo Lu", "Bldg 3, Unit 2, Rm 501, Chaoyang District".
 */
import { pinyin } from 'pinyin-pro';
import { CN_PLACES, CN_STREETS } from '../tables/places.js';
import type { Address } from './types.js';

const STREET_PINYIN = new Map(CN_STREETS.map(([hanzi, latin]) => [hanzi, latin]));
const PLACE_PINYIN = new Map<string, string>();
for (const p of CN_PLACES) {
  PLACE_PINYIN.set(p[0], p[1]);
  PLACE_PINYIN.set(p[2], p[3]);
}
const cache = new Map<string, string>();

/** Hanzi → one capitalised pinyin word ("朝阳" → "Chaoyang"), cached: the vocabulary is small. */
function word(hanzi: string): string {
  let out = cache.get(hanzi);
  if (out === undefined) {
    const joined = (pinyin(hanzi, { toneType: 'none', type: 'array' }) as string[]).join('').replace(/ü/g, 'u');
    out = joined.charAt(0).toUpperCase() + joined.slice(1);
    cache.set(hanzi, out);
  }
  return out;
}

function district(hanzi: string): string {
  if (hanzi.endsWith('新区')) return `${word(hanzi.slice(0, -2))} New Area`;
  return hanzi.endsWith('区') ? `${word(hanzi.slice(0, -1))} District` : word(hanzi);
}

function unit(hanzi: string): string {
  const m = /^(\d+)栋(\d+)单元(\d+)室$/.exec(hanzi);
  return m ? `Bldg ${m[1]}, Unit ${m[2]}, Rm ${m[3]}` : hanzi;
}

export interface RomanAddress {
  line1: string;
  line2: string;
  locality: string;
  region: string;
}

export function romanizeCnAddress(a: Address): RomanAddress {
  const street = STREET_PINYIN.get(a.street) ?? word(a.street);
  const parts: string[] = [];
  if (a.unit) parts.push(unit(a.unit));
  if (a.district) parts.push(district(a.district));
  return {
    line1: `${a.house} ${street}`,
    line2: parts.join(', '),
    locality: PLACE_PINYIN.get(a.locality) ?? word(a.locality.replace(/市$/, '')),
    region: PLACE_PINYIN.get(a.region) ?? word(a.region.replace(/[省市]$/, '')),
  };
}
