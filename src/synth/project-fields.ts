/**
 * How a system writes dates, phones, addresses and the other contact fields, with the field-level
 * corruptions (day/month swap, phone format and area code, abbreviations, unit formats).
 */
import type { Customer } from './customer.js';
import { roll, type Ctx, type SynthRecord } from './draft.js';
import { PHONE_STYLES, type Address, type Phone } from './locales/types.js';
import type { SystemSpec } from './systems.js';
import { romanizeCnAddress } from './locales/cn-roman.js';
import { digitTypo } from './text-noise.js';

const COUNTRY_NAMES: Record<string, readonly [string, string]> = {
  AU: ['AUS', 'Australia'],
  US: ['USA', 'United States'],
  GB: ['GBR', 'United Kingdom'],
  CN: ['CHN', 'China'],
};

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

export function writeDob(ctx: Ctx, rec: SynthRecord, c: Customer, sys: SystemSpec): void {
  if (c.kind !== 'person' || !ctx.rng.chance(sys.dob)) return;
  const y = c.dob.slice(0, 4);
  let m = Number(c.dob.slice(5, 7));
  let d = Number(c.dob.slice(8, 10));
  if (d <= 12 && d !== m && roll(ctx, 'dob_swap')) {
    [m, d] = [d, m];
    ctx.corruptions.push('dob_swap');
  }
  const order = sys.dobStyle === 'iso' ? 'YMD' : c.locale.dateOrder;
  let text: string;
  if (order === 'YMD') text = sys.dobStyle === 'iso' ? `${y}-${pad2(m)}-${pad2(d)}` : `${y}/${pad2(m)}/${pad2(d)}`;
  else if (order === 'MDY') text = `${pad2(m)}/${pad2(d)}/${y}`;
  else text = `${pad2(d)}/${pad2(m)}/${y}`;
  if (roll(ctx, 'dob_typo')) {
    text = digitTypo(ctx.rng, text);
    ctx.corruptions.push('dob_typo');
  }
  rec.date_of_birth = text;
}

function choosePhone(ctx: Ctx, c: Customer, sys: SystemSpec): Phone | null {
  if (c.kind === 'organization') return c.mobile && ctx.rng.chance(0.2) ? c.mobile : c.landline;
  const preferMobile = sys.name !== 'parcels' || ctx.rng.chance(0.7);
  return preferMobile ? (c.mobile ?? c.landline) : (c.landline ?? c.mobile);
}

export function writePhone(ctx: Ctx, rec: SynthRecord, c: Customer, sys: SystemSpec): void {
  let phone = choosePhone(ctx, c, sys);
  if (!phone || !ctx.rng.chance(sys.phone)) return;
  let style = sys.phoneStyle;
  if (roll(ctx, 'phone_format')) {
    const others = PHONE_STYLES.filter((s) => s !== style);
    style = ctx.rng.pick(others);
    ctx.corruptions.push('phone_format');
  }
  let text: string;
  if (!phone.mobile && roll(ctx, 'phone_area_code')) {
    ctx.corruptions.push('phone_area_code');
    const overlays = c.address.otherAreaCodes.filter((a) => a !== phone?.area);
    if (overlays.length > 0) {
      phone = {
        countryCode: phone.countryCode,
        area: ctx.rng.pick(overlays),
        subscriber: phone.subscriber,
        mobile: phone.mobile,
      };
      text = c.locale.formatPhone(phone, style);
    } else {
      text = phone.subscriber; // written as a local number, area code left off
    }
  } else {
    text = c.locale.formatPhone(phone, style);
  }
  if (roll(ctx, 'phone_typo')) {
    text = digitTypo(ctx.rng, text);
    ctx.corruptions.push('phone_typo');
  }
  rec.phone = text;
}

export function writeAddress(ctx: Ctx, rec: SynthRecord, c: Customer, sys: SystemSpec, address: Address): void {
  if (!ctx.rng.chance(sys.address)) return;
  if (sys.poBox) {
    rec.address_line1 = c.locale.poBoxLine(c.poBox, ctx.rng.int(4));
  } else {
    let abbreviate = sys.abbreviate;
    if (address.streetType && roll(ctx, 'abbreviation')) {
      abbreviate = !abbreviate;
      ctx.corruptions.push('abbreviation');
    }
    let unitStyle = sys.unitStyle;
    if (address.unit && roll(ctx, 'unit_format')) {
      unitStyle += 1 + ctx.rng.int(2);
      ctx.corruptions.push('unit_format');
    }
    [rec.address_line1, rec.address_line2] = c.locale.streetLine(address, abbreviate, unitStyle);
  }
  rec.locality = sys.upperLocality ? address.locality.toUpperCase() : address.locality;
  rec.region = address.region;
  if (address.country === 'CN' && !sys.poBox && roll(ctx, 'translit_address')) {
    const roman = romanizeCnAddress(address);
    rec.address_line1 = roman.line1;
    rec.address_line2 = roman.line2;
    rec.locality = sys.upperLocality ? roman.locality.toUpperCase() : roman.locality;
    rec.region = roman.region;
    ctx.corruptions.push('translit:address');
  }
  rec.postal_code = address.postcode;
  const names = COUNTRY_NAMES[address.country];
  if (sys.country === 'iso2') rec.country = address.country;
  else if (sys.country === 'iso3') rec.country = names?.[0] ?? address.country;
  else if (sys.country === 'name') rec.country = names?.[1] ?? address.country;
}

export function writeOtherFields(ctx: Ctx, rec: SynthRecord, c: Customer, sys: SystemSpec): void {
  if (ctx.rng.chance(sys.email)) rec.email = c.email;
  if (c.kind === 'person' && ctx.rng.chance(sys.gender)) {
    const f = c.gender === 'f';
    rec.gender = ctx.rng.pick(f ? ['F', 'f', 'Female'] : ['M', 'm', 'Male']);
  }
  if (ctx.rng.chance(sys.nationalId)) rec.national_id = c.nationalId;
  if (sys.value) {
    const [lo, hi] = sys.value;
    rec.annual_value = (c.value * (lo + ctx.rng.float() * (hi - lo))).toFixed(2);
  }
}
