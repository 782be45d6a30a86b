/** United States: ZIP prefixes by city and state, NANP numbers with overlay area codes, SSN and EIN. */
import type { Rng } from '../prng.js';
import { US_FAMILY, US_GIVEN_F, US_GIVEN_M } from '../tables/names-en.js';
import { LEGAL_FORMS } from '../tables/orgs.js';
import { US_PLACES } from '../tables/places.js';
import { weighted, zipf } from '../weighted.js';
import { makeStreet, streetText } from './en-address.js';
import { makeEin, makeSsn } from './ids.js';
import { latin, type Address, type LocaleSpec, type Phone, type PhoneStyle } from './types.js';

const places = weighted(US_PLACES.map((p) => [p, p[4]]));

/** NANP exchange code: 2–9 then two digits, never N11 and never the fictional 555. */
function exchange(rng: Rng): string {
  for (;;) {
    const x = String(rng.range(2, 9)) + rng.digits(2);
    if (x[1] !== '1' || x[2] !== '1') if (x !== '555') return x;
  }
}

function formatUs(phone: Phone, style: PhoneStyle): string {
  const a = phone.area;
  const b = phone.subscriber.slice(0, 3);
  const c = phone.subscriber.slice(3);
  switch (style) {
    case 'e164':
      return `+1${a}${b}${c}`;
    case 'international':
      return `+1 ${a}-${b}-${c}`;
    case 'compact':
      return `${a}${b}${c}`;
    case 'dotted':
      return `${a}.${b}.${c}`;
    default:
      return `(${a}) ${b}-${c}`;
  }
}

export const US: LocaleSpec = {
  code: 'us',
  country: 'US',
  givenMale: zipf(latin(US_GIVEN_M), 0.9),
  givenFemale: zipf(latin(US_GIVEN_F), 0.9),
  family: zipf(latin(US_FAMILY), 0.8),
  emailDomains: weighted([
    ['gmail.com', 45],
    ['yahoo.com', 15],
    ['hotmail.com', 8],
    ['outlook.com', 8],
    ['aol.com', 5],
    ['icloud.com', 10],
    ['comcast.net', 4],
    ['verizon.net', 2],
    ['att.net', 3],
  ]),
  orgTld: 'com',
  legalForms: weighted(LEGAL_FORMS.US.map((f) => [f, f[2]])),
  dateOrder: 'MDY',
  makeAddress(rng: Rng): Address {
    const [locality, region, zip3, areaCodes] = places.pick(rng);
    const s = makeStreet(rng, 0.3, true);
    // ZIP+4 appears on some business mail; most people write the five digits.
    let postcode = rng.pick(zip3) + rng.digits(2);
    if (rng.chance(0.05)) postcode += '-' + rng.digits(4);
    const areaCode = areaCodes[0] as string;
    return {
      unit: s.unit,
      house: s.house,
      street: s.street,
      streetType: s.streetType,
      district: null,
      locality,
      region,
      postcode,
      country: 'US',
      areaCode,
      otherAreaCodes: areaCodes.slice(1),
    };
  },
  makePhone(rng: Rng, address: Address, mobile: boolean): Phone {
    // Mobiles keep the area code where they were first issued: mostly the home area, sometimes an overlay.
    const area =
      mobile && address.otherAreaCodes.length > 0 && rng.chance(0.4)
        ? rng.pick(address.otherAreaCodes)
        : address.areaCode;
    return { countryCode: '1', area, subscriber: exchange(rng) + rng.digits(4), mobile };
  },
  formatPhone: formatUs,
  personId: (rng) => makeSsn(rng),
  orgId: (rng) => makeEin(rng),
  streetLine(a, abbreviate, unitStyle) {
    const street = streetText(a.house, a.street, a.streetType ?? ['Street', 'St'], abbreviate);
    if (!a.unit) return [street, ''];
    switch (unitStyle % 4) {
      case 0:
        return [`${street} Apt ${a.unit}`, ''];
      case 1:
        return [street, `Apt ${a.unit}`];
      case 2:
        return [`${street} #${a.unit}`, ''];
      default:
        return [`${street}, Unit ${a.unit}`, ''];
    }
  },
  poBoxLine: (box, variant) =>
    ['PO Box ' + box, 'P.O. Box ' + box, 'POB ' + box, 'Post Office Box ' + box][variant % 4] as string,
};
