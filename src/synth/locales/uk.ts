/** United Kingdom: outward/inward postcodes by post town, Ofcom dialling codes, NINO, Companies House numbers. */
import type { Rng } from '../prng.js';
import { UK_FAMILY, UK_GIVEN_F, UK_GIVEN_M } from '../tables/names-en.js';
import { LEGAL_FORMS } from '../tables/orgs.js';
import { UK_PLACES } from '../tables/places.js';
import { weighted, zipf } from '../weighted.js';
import { makeStreet, streetText } from './en-address.js';
import { makeCompanyNumber, makeNino } from './ids.js';
import { latin, type Address, type LocaleSpec, type Phone, type PhoneStyle } from './types.js';

const places = weighted(UK_PLACES.map((p) => [p, p[6]]));
/** Letters allowed in the inward code's unit part (Royal Mail PAF rules: no C I K M O V). */
/**
 * First digits of subscriber numbers in ranges actually allocated (Ofcom): London 020 3/7/8,
 * Cardiff 029 20, Southampton 023 80, Belfast 028 90, Nottingham 0115 9; other codes use 2/4/5/6 leads.
 */
const LANDLINE_LEADS: Record<string, string> = { '29': '20', '23': '80', '28': '90', '115': '9' };
const LONDON_LEADS = ['3', '7', '8'];
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

function groupedNational(phone: Phone): string {
  const nsn = phone.area + phone.subscriber;
  if (phone.mobile) return `0${nsn.slice(0, 4)} ${nsn.slice(4)}`;
  const area = phone.area;
  const sub = phone.subscriber;
  if (area.length === 2) return `0${area} ${sub.slice(0, 4)} ${sub.slice(4)}`;
  if (area.length === 3) return `0${area} ${sub.slice(0, 3)} ${sub.slice(3)}`;
  return `0${area} ${sub}`;
}

function formatUk(phone: Phone, style: PhoneStyle): string {
  const nsn = phone.area + phone.subscriber;
  switch (style) {
    case 'e164':
      return '+44' + nsn;
    case 'international':
      return '+44 (0)' + groupedNational(phone).slice(1);
    case 'compact':
      return '0' + nsn;
    case 'dotted':
      return groupedNational(phone).replace(/ /g, '-');
    default:
      return groupedNational(phone);
  }
}

export const UK: LocaleSpec = {
  code: 'uk',
  country: 'GB',
  givenMale: zipf(latin(UK_GIVEN_M), 0.9),
  givenFemale: zipf(latin(UK_GIVEN_F), 0.9),
  family: zipf(latin(UK_FAMILY), 0.8),
  emailDomains: weighted([
    ['gmail.com', 35],
    ['hotmail.co.uk', 14],
    ['outlook.com', 8],
    ['yahoo.co.uk', 10],
    ['btinternet.com', 10],
    ['icloud.com', 8],
    ['sky.com', 5],
    ['live.co.uk', 5],
    ['aol.com', 2],
    ['virginmedia.com', 3],
  ]),
  orgTld: 'co.uk',
  legalForms: weighted(LEGAL_FORMS.GB.map((f) => [f, f[2]])),
  dateOrder: 'DMY',
  makeAddress(rng: Rng): Address {
    const [locality, region, area, lo, hi, dial] = places.pick(rng);
    const s = makeStreet(rng, 0.2, false);
    const inward = String(rng.range(0, 9)) + INWARD_LETTERS[rng.int(20)] + INWARD_LETTERS[rng.int(20)];
    const postcode = `${area}${rng.range(lo, hi)} ${inward}`;
    return {
      unit: s.unit,
      house: s.house,
      street: s.street,
      streetType: s.streetType,
      district: null,
      locality,
      region,
      postcode,
      country: 'GB',
      areaCode: dial,
      otherAreaCodes: [],
    };
  },
  makePhone(rng: Rng, address: Address, mobile: boolean): Phone {
    if (mobile) return { countryCode: '44', area: '', subscriber: '7' + rng.range(1, 3) + rng.digits(8), mobile };
    const area = address.areaCode;
    const lead =
      area === '20'
        ? rng.pick(LONDON_LEADS)
        : (LANDLINE_LEADS[area] ?? rng.pick(area.length === 3 ? ['2', '4'] : ['2', '4', '5', '6']));
    return { countryCode: '44', area, subscriber: lead + rng.digits(10 - area.length - lead.length), mobile };
  },
  formatPhone: formatUk,
  personId: (rng) => makeNino(rng),
  orgId: (rng) => makeCompanyNumber(rng),
  streetLine(a, abbreviate, unitStyle) {
    const street = streetText(a.house, a.street, a.streetType ?? ['Street', 'St'], abbreviate);
    if (!a.unit) return [street, ''];
    switch (unitStyle % 4) {
      case 0:
        return [`Flat ${a.unit}, ${street}`, ''];
      case 1:
        return [`Flat ${a.unit}`, street];
      case 2:
        return [`Flat ${a.unit} ${street}`, ''];
      default:
        return [`${street}, Flat ${a.unit}`, ''];
    }
  },
  poBoxLine: (box, variant) =>
    ['PO Box ' + box, 'P.O. Box ' + box, 'PO BOX ' + box, 'Post Office Box ' + box][variant % 4] as string,
};
