/** China: 6-digit postcodes by city, 区-路-号 addresses in Hanzi, 11-digit mobiles, resident ids with check digit. */
import type { Rng } from '../prng.js';
import { CN_FAMILY, CN_GIVEN_F, CN_GIVEN_M } from '../tables/names-cn.js';
import { LEGAL_FORMS } from '../tables/orgs.js';
import { CN_PLACES, CN_STREETS } from '../tables/places.js';
import { Weighted, weighted } from '../weighted.js';
import { makeCnCreditCode, makeCnResidentId } from './ids.js';
import type { Address, LocaleSpec, NamePart, Phone, PhoneStyle } from './types.js';

const places = weighted(CN_PLACES.map((p) => [p, p[8]]));
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '158',
  '159',
  '177',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
  '199',
];
/** Area code → GB/T 2260 prefix, to put a plausible region in resident ids. */
const REGION_BY_AREA = new Map(CN_PLACES.map((p) => [p[5], p[6]]));

function given(pairs: readonly (readonly [string, string])[]): Weighted<NamePart> {
  // Given names are far flatter than family names; a gentle decline keeps the first entries commoner.
  return new Weighted(
    pairs.map(([native, latin]) => ({ latin, native })),
    pairs.map((_, i) => 1 / Math.sqrt(i + 1)),
  );
}

function formatCn(phone: Phone, style: PhoneStyle): string {
  const s = phone.subscriber;
  if (phone.mobile) {
    if (style === 'e164') return '+86' + s;
    if (style === 'international') return `+86 ${s.slice(0, 3)} ${s.slice(3, 7)} ${s.slice(7)}`;
    if (style === 'compact') return s;
    if (style === 'dotted') return `${s.slice(0, 3)}-${s.slice(3, 7)}-${s.slice(7)}`;
    return `${s.slice(0, 3)} ${s.slice(3, 7)} ${s.slice(7)}`;
  }
  if (style === 'e164') return `+86${phone.area}${s}`;
  if (style === 'international') return `+86 ${phone.area} ${s.slice(0, 4)} ${s.slice(4)}`;
  if (style === 'compact') return `0${phone.area}${s}`;
  if (style === 'dotted') return `(0${phone.area}) ${s}`;
  return `0${phone.area}-${s}`;
}

export const CN: LocaleSpec = {
  code: 'cn',
  country: 'CN',
  givenMale: given(CN_GIVEN_M),
  givenFemale: given(CN_GIVEN_F),
  family: new Weighted(
    CN_FAMILY.map(([native, latin]) => ({ latin, native })),
    CN_FAMILY.map((f) => f[2]),
  ),
  emailDomains: weighted([
    ['qq.com', 45],
    ['163.com', 25],
    ['126.com', 10],
    ['sina.com', 5],
    ['gmail.com', 5],
    ['foxmail.com', 5],
    ['outlook.com', 5],
  ]),
  orgTld: 'com.cn',
  legalForms: weighted(LEGAL_FORMS.CN.map((f) => [f, f[2]])),
  dateOrder: 'YMD',
  makeAddress(rng: Rng): Address {
    const [city, , province, , postPrefix, areaCode, , districts] = places.pick(rng);
    const [street] = rng.pick(CN_STREETS);
    const unit = rng.chance(0.7)
      ? `${rng.range(1, 30)}栋${rng.range(1, 4)}单元${rng.range(1, 30)}0${rng.range(1, 4)}室`
      : null;
    return {
      unit,
      house: String(rng.range(1, 300)),
      street,
      streetType: null,
      district: rng.pick(districts),
      locality: city,
      region: province,
      postcode: postPrefix + rng.digits(3),
      country: 'CN',
      areaCode,
      otherAreaCodes: [],
    };
  },
  makePhone(rng: Rng, address: Address, mobile: boolean): Phone {
    if (mobile) return { countryCode: '86', area: '', subscriber: rng.pick(MOBILE_PREFIXES) + rng.digits(8), mobile };
    return { countryCode: '86', area: address.areaCode, subscriber: String(rng.range(2, 6)) + rng.digits(7), mobile };
  },
  formatPhone: formatCn,
  personId: (rng, dob, gender, address) =>
    makeCnResidentId(rng, REGION_BY_AREA.get(address.areaCode) ?? '1101', dob, gender),
  orgId: (rng, address) => makeCnCreditCode(rng, REGION_BY_AREA.get(address.areaCode) ?? '1101'),
  streetLine(a, _abbreviate, unitStyle) {
    const street = `${a.street}${a.house}号`;
    const district = a.district ?? '';
    switch (unitStyle % 3) {
      case 0:
        return [street + (a.unit ?? ''), district];
      case 1:
        return [district + street + (a.unit ?? ''), ''];
      default:
        return [street, a.unit ? a.unit + (district ? ' ' + district : '') : district];
    }
  },
  poBoxLine: (box, variant) => (variant % 2 === 0 ? `邮政信箱${box}号` : `${box}信箱`),
};
