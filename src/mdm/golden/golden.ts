/**
 * Golden-record survivorship: a pure function from a customer's live source records (plus the
 * trust rank of each source system) to one GoldenRecord with lineage.
 *
 * Per attribute, the candidates are the records that have a value; the winner is decided by, in
 * order: source trust rank (lower = more trusted), recency (latest update), frequency (how many
 * records carry the same normalised value), completeness (how many attributes the record fills),
 * then the record key so the result is deterministic. `rule` names the first criterion on which
 * the winner beat the best record holding a *different* value ('consensus' when all candidates
 * agree, 'single' when only one record has the attribute).
 *
 * Values are compared in standardised form (so "Bob@x.com" and "bob@x.com" count together) but
 * shown in their cleaned display form where the standardised one is folded (names, address lines).
 */
import type { RawRecord, StdRecord } from '../../standardize/types.js';
import type { GoldenRecord, GoldenValue } from '../types.js';

export interface GoldenInput {
  sourceSystem: string;
  sourceRecordId: string;
  raw: RawRecord;
  std: StdRecord;
  /** When this version of the record was received. */
  updatedAt: Date;
}

/** Lower rank = more trusted. Unknown systems should map to a large rank. */
export type TrustRankOf = (sourceSystem: string) => number;

type Address = NonNullable<GoldenRecord['address']>['value'];

interface Attribute<T> {
  /** Normalised value used for frequency counting; null = the record lacks the attribute. */
  key(r: GoldenInput): string | null;
  display(r: GoldenInput): T;
  /** Names only: a key that merely abbreviates another candidate ("m smith" of "mitchell smith") never wins. */
  preferSpecific?: boolean;
}

const COMPLETENESS_FIELDS: Array<keyof StdRecord> = [
  'givenName',
  'familyName',
  'organizationName',
  'dateOfBirth',
  'gender',
  'email',
  'phone',
  'addressLine',
  'locality',
  'postalCode',
  'country',
  'nationalId',
];

function clean(text: string | null | undefined): string | null {
  const t = text?.trim().replace(/\s+/g, ' ');
  return t ? t : null;
}

function stdField(field: keyof StdRecord): Attribute<string> {
  return {
    key: (r) => clean(r.std[field] === null ? null : String(r.std[field])),
    display: (r) => String(r.std[field]),
  };
}

/** Names: compared folded, shown as the source wrote them when it sent that part separately. */
function nameField(field: 'givenName' | 'familyName', rawField: 'given_name' | 'family_name'): Attribute<string> {
  return {
    key: (r) => clean(r.std[field]),
    display: (r) => clean(r.raw[rawField]) ?? (r.std[field] as string),
    preferSpecific: true,
  };
}

const displayNameAttr: Attribute<string> = {
  key: (r) =>
    clean(r.std.entityType === 'organization' ? (r.std.organizationKey ?? r.std.organizationName) : fullKey(r.std)),
  display: (r) => clean(r.std.displayName) ?? clean(r.std.organizationName) ?? (fullKey(r.std) as string),
  preferSpecific: true,
};

function fullKey(std: StdRecord): string | null {
  return clean([std.givenNameCanonical ?? std.givenName, std.familyName].filter(Boolean).join(' '));
}

const organizationAttr: Attribute<string> = {
  key: (r) => clean(r.std.organizationKey ?? r.std.organizationName),
  display: (r) => clean(r.raw.organization_name) ?? (r.std.organizationName as string),
};

/** The address is one unit: its parts never come from different records. */
const addressAttr: Attribute<Address> = {
  key: (r) => {
    const s = r.std;
    if (!s.addressLine && !s.postalCode && !s.locality) return null;
    return [s.addressLine, s.locality, s.postalCode, s.country].map((v) => v ?? '').join('|');
  },
  display: (r) => ({
    line1: clean(r.raw.address_line1) ?? r.std.addressLine,
    line2: clean(r.raw.address_line2),
    locality: clean(r.raw.locality) ?? r.std.locality,
    region: r.std.region ?? clean(r.raw.region),
    postalCode: r.std.postalCode ?? clean(r.raw.postal_code),
    country: r.std.country ?? clean(r.raw.country),
  }),
};

export function completeness(std: StdRecord): number {
  return COMPLETENESS_FIELDS.reduce((n, f) => (std[f] === null || std[f] === undefined ? n : n + 1), 0);
}

interface Ranked {
  r: GoldenInput;
  key: string;
  trust: number;
  time: number;
  freq: number;
  complete: number;
}

const CRITERIA: Array<[string, (a: Ranked, b: Ranked) => number]> = [
  ['trust', (a, b) => a.trust - b.trust],
  ['recency', (a, b) => b.time - a.time],
  ['frequency', (a, b) => b.freq - a.freq],
  ['completeness', (a, b) => b.complete - a.complete],
];

function compareRanked(a: Ranked, b: Ranked): number {
  for (const [, cmp] of CRITERIA) {
    const d = cmp(a, b);
    if (d !== 0) return d;
  }
  const ka = `${a.r.sourceSystem}\u0000${a.r.sourceRecordId}`;
  const kb = `${b.r.sourceSystem}\u0000${b.r.sourceRecordId}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * True when `short` abbreviates `long` word for word: the same number of words, each equal or the
 * initial of the other's word, at least one an initial ("m smith" of "mitchell smith"). Such a value
 * carries less information than the one it abbreviates, so it should never be the golden value.
 */
export function abbreviates(short: string, long: string): boolean {
  const a = short.replace(/\./g, '').split(' ');
  const b = long.replace(/\./g, '').split(' ');
  if (a.length !== b.length) return false;
  let shorter = false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.length !== 1 || y.length < 2 || y[0] !== x) return false;
    shorter = true;
  }
  return shorter;
}

function survive<T>(records: GoldenInput[], attr: Attribute<T>, trustOf: TrustRankOf): GoldenValue<T> | undefined {
  let withKey = records.flatMap((r) => {
    const key = attr.key(r);
    return key === null ? [] : [{ r, key }];
  });
  if (withKey.length === 0) return undefined;
  if (attr.preferSpecific) {
    const keys = [...new Set(withKey.map((x) => x.key))];
    withKey = withKey.filter((x) => !keys.some((k) => abbreviates(x.key, k)));
  }
  const freq = new Map<string, number>();
  for (const { key } of withKey) freq.set(key, (freq.get(key) ?? 0) + 1);
  const ranked: Ranked[] = withKey.map(({ r, key }) => ({
    r,
    key,
    trust: trustOf(r.sourceSystem),
    time: r.updatedAt.getTime(),
    freq: freq.get(key) ?? 0,
    complete: completeness(r.std),
  }));
  ranked.sort(compareRanked);
  const winner = ranked[0] as Ranked;
  const rival = ranked.find((x) => x.key !== winner.key);
  let rule = ranked.length === 1 ? 'single' : 'consensus';
  if (rival) rule = CRITERIA.find(([, cmp]) => cmp(winner, rival) !== 0)?.[0] ?? 'stable';
  return {
    value: attr.display(winner.r),
    sourceSystem: winner.r.sourceSystem,
    sourceRecordId: winner.r.sourceRecordId,
    rule,
  };
}

const entityTypeAttr: Attribute<string> = { key: (r) => r.std.entityType, display: (r) => r.std.entityType };

/** The golden attributes in output order, each with its key (what counts as the same value) and display. */
export const GOLDEN_ATTRIBUTES = {
  entityType: entityTypeAttr,
  displayName: displayNameAttr,
  givenName: nameField('givenName', 'given_name'),
  familyName: nameField('familyName', 'family_name'),
  organizationName: organizationAttr,
  dateOfBirth: stdField('dateOfBirth'),
  gender: stdField('gender'),
  email: stdField('email'),
  phone: stdField('phone'),
  address: addressAttr as Attribute<unknown>,
  nationalId: stdField('nationalId'),
} satisfies Record<string, Attribute<unknown>>;

export type GoldenAttrName = keyof typeof GOLDEN_ATTRIBUTES;
export type { Attribute as GoldenAttribute };
export const GOLDEN_ATTR_NAMES = Object.keys(GOLDEN_ATTRIBUTES) as GoldenAttrName[];

/** The criteria of survivorship in order, and the name each gives the rule it decides. */
export const SURVIVORSHIP_CRITERIA = CRITERIA;

/** Survivorship over the given (live) records. An empty list gives an empty person record. */
export function computeGolden(records: GoldenInput[], trustOf: TrustRankOf): GoldenRecord {
  const golden: GoldenRecord = { entityType: 'person' };
  for (const name of GOLDEN_ATTR_NAMES) {
    const v = survive(records, GOLDEN_ATTRIBUTES[name] as Attribute<unknown>, trustOf);
    if (v === undefined) continue;
    if (name === 'entityType') golden.entityType = v.value as GoldenRecord['entityType'];
    else (golden as unknown as Record<string, unknown>)[name] = v;
  }
  return golden;
}

/** The folded search text of one record (customers.search_name when it holds the display name). */
export function searchTextOf(std: StdRecord): string | null {
  const text =
    std.entityType === 'organization'
      ? std.organizationName
      : [std.givenName, std.middleName, std.familyName].filter(Boolean).join(' ');
  return clean(text ?? std.displayName?.toLowerCase() ?? null);
}

/**
 * Folded name for trigram search (customers.search_name): the comparison forms of the golden
 * record's winning record, so a query standardised the same way lands on the same text.
 */
export function searchNameOf(records: GoldenInput[], golden: GoldenRecord): string | null {
  const src = golden.displayName;
  if (!src) return null;
  const rec = records.find((r) => r.sourceSystem === src.sourceSystem && r.sourceRecordId === src.sourceRecordId);
  if (!rec) return null;
  return searchTextOf(rec.std);
}
