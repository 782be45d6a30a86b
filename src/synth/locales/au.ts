/** Australia: state postcode ranges, (0X) XXXX XXXX landlines, 04XX XXX XXX mobiles, TFN and ABN. */
import type { Rng } from '../prng.js';
import { AU_FAMILY, AU_GIVEN_F, AU_GIVEN_M } from '../tables/names-en.js';
import { LEGAL_FORMS } from '../tables/orgs.js';
import { AU_AREA_CODE, AU_PLACES } from '../tables/places.js';
import { weighted, zipf } from '../weighted.js';
import { makeStreet, streetText } from './en-address.js';
import { makeAbn, makeTfn } from './ids.js';
import { latin, type Address, type LocaleSpec, type Phone, type PhoneStyle } from './types.js';

const places = weighted(AU_PLACES.map((p) => [p, p[3]]));
/** First digit of an 8-digit subscriber number by state (the ranges carriers were allocated). */
const SUBSCRIBER_LEAD: Record<string, string> = {
  NSW: '98',
  ACT: '6',
  VIC: '98',
  TAS: '6',
  QLD: '3',
  SA: '8',
  WA: '9',
  NT: '8',
};

function formatAu(phone: Phone, style: PhoneStyle): string {
  const nsn = phone.area + phone.subscriber;
  if (style === 'e164') return '+61' + nsn;
  if (style === 'compact') return '0' + nsn;
  if (phone.mobile) {
    const [a, b, c] = [nsn.slice(0, 3), nsn.slice(3, 6), nsn.slice(6)];
    if (style === 'international') return `+61 ${a} ${b} ${c}`;
    if (style === 'dotted') return `0${a}.${b}.${c}`;
    return `0${a} ${b} ${c}`;
  }
  const [a, b] = [phone.subscriber.slice(0, 4), phone.subscriber.slice(4)];
  if (style === 'international') return `+61 ${phone.area} ${a} ${b}`;
  if (style === 'dotted') return `0${phone.area}-${a}-${b}`;
  return `(0${phone.area}) ${a} ${b}`;
}

export const AU: LocaleSpec = {
  code: 'au',
  country: 'AU',
  givenMale: zipf(latin(AU_GIVEN_M), 0.9),
  givenFemale: zipf(latin(AU_GIVEN_F), 0.9),
  family: zipf(latin(AU_FAMILY), 0.85),
  emailDomains: weighted([
    ['gmail.com', 40],
    ['hotmail.com', 12],
    ['outlook.com', 10],
    ['bigpond.com', 10],
    ['yahoo.com.au', 8],
    ['optusnet.com.au', 5],
    ['icloud.com', 8],
    ['iinet.net.au', 4],
    ['tpg.com.au', 3],
  ]),
  orgTld: 'com.au',
  legalForms: weighted(LEGAL_FORMS.AU.map((f) => [f, f[2]])),
  dateOrder: 'DMY',
  makeAddress(rng: Rng): Address {
    const [locality, region, postcode] = places.pick(rng);
    const s = makeStreet(rng, 0.25, true);
    return {
      unit: s.unit,
      house: s.house,
      street: s.street,
      streetType: s.streetType,
      district: null,
      locality,
      region,
      postcode,
      country: 'AU',
      areaCode: AU_AREA_CODE[region] ?? '2',
      otherAreaCodes: [],
    };
  },
  makePhone(rng: Rng, address: Address, mobile: boolean): Phone {
    if (mobile) return { countryCode: '61', area: '', subscriber: '4' + rng.range(0, 3) + rng.digits(7), mobile };
    const leads = SUBSCRIBER_LEAD[address.region] ?? '9';
    let lead = leads[rng.int(leads.length)] as string;
    if (lead === '6' && address.region === 'TAS') lead += rng.range(2, 4); // Tasmania: (03) 62xx–64xx
    return { countryCode: '61', area: address.areaCode, subscriber: lead + rng.digits(8 - lead.length), mobile };
  },
  formatPhone: formatAu,
  personId: (rng) => makeTfn(rng),
  orgId: (rng) => makeAbn(rng),
  streetLine(a, abbreviate, unitStyle) {
    const street = streetText(a.house, a.street, a.streetType ?? ['Street', 'St'], abbreviate);
    if (!a.unit) return [street, ''];
    switch (unitStyle % 4) {
      case 0:
        return [`${a.unit}/${street}`, ''];
      case 1:
        return [`Unit ${a.unit}, ${street}`, ''];
      case 2:
        return [`Unit ${a.unit}`, street];
      default:
        return [`U${a.unit} ${street}`, ''];
    }
  },
  poBoxLine: (box, variant) =>
    ['PO Box ' + box, 'P.O. Box ' + box, 'Locked Bag ' + box, 'GPO Box ' + box][variant % 4] as string,
};
