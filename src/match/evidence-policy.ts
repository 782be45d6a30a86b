/**
 * The evidence policy: what an automatic merge needs beyond a high match probability. Fellegi–Sunter
 * adds up independent weights, so a common name plus a shared town, postcode or building can outvote
 * everything else; in master data a wrong merge is a breach, so the policy asks for corroboration
 * (cf. Senzing's resolution principles): a compatible name **and** identity evidence personal to one
 * entity — an agreeing date of birth, identifier, personal email, personal phone, or full street
 * address with house number. Name-only or name + place evidence can at most open a review task.
 *
 * Declarative: rules name comparisons and levels (labels of the comparison library), compiled once
 * per model. Two forms: `mergeBlockReason` for one pair (the real-time path) and `evidencePolicyBatch`
 * for the batch arrays (gamma), which also takes the weight of generic values away.
 */
import type { StdRecord } from '../standardize/types.js';
import { levelLabels } from './comparisons.js';
import { findGenericValues, genericFlags, type GenericValues } from './generic-values.js';
import type { CompiledModel } from './model.js';
import type { PairList } from './score.js';

/** Levels of one comparison, by label. */
export type LevelRule = Readonly<Record<string, readonly string[]>>;

export interface EvidencePolicy {
  /**
   * A name disagreeing wholly: a different person (a household member, a hotel's other outlet). Only
   * `identity` evidence overrides it (a garbled or swapped name on the same id or birth date); else
   * the pair is kept apart without a review task.
   */
  conflicts: LevelRule;
  identity: LevelRule;
  /** What overrides a conflict when the family name contradicts as well. */
  identifiers: LevelRule;
  /**
   * A family name disagreeing wholly: a marriage, or another person of the same given name. Any
   * corroboration overrides it; without one the pair is kept apart.
   */
  softConflicts: LevelRule;
  /**
   * Soft conflicts that leave a pair undecided rather than different when the given name agrees and
   * no other soft conflict holds: the same name with a birth date typed years off is as often the
   * same person (a careless entry) as a namesake, so a steward settles it (review), while a family
   * name that differs as well still keeps the pair apart — unless the full street address agrees
   * too (a changed family name at home; a household's other members differ in given name).
   */
  uncertainConflicts: LevelRule;
  /**
   * Conflicts that `reviewCorroborations` or more independent corroborations (non-generic) contradict:
   * an organisation renamed or listed under its operator's name at the same phone and full street
   * address is as likely the same site as not, so a steward decides (review). A person's given name
   * is not listed: a household shares its address and phone, so those prove nothing about which member.
   */
  reviewConflicts: LevelRule;
  reviewCorroborations: number;
  /** Identity evidence: agreement at any of these levels, on a value that is not generic, corroborates … */
  corroborating: LevelRule;
  /**
   * … but these only when the name agrees at one of `nameAgrees` and also at one of `placeCompanion`
   * (a household shares its address, and a parent and child may share a given name).
   */
  placeEvidence: readonly string[];
  nameAgrees: LevelRule;
  placeCompanion: LevelRule;
}

const ORGANIZATION_AGREES = ['exact', 'jaro-winkler>=0.92', 'token overlap >= 0.75', 'fuzzy token overlap >= 0.5'];

export const EVIDENCE_POLICY: EvidencePolicy = {
  // A gender or middle name wholly different is another person too (a parent and child of one
  // name at one address).
  conflicts: {
    givenName: ['else'],
    organization: ['else'],
    gender: ['else'],
    middleName: ['else'],
  },

  // Only a full or transposed date: "one component off" or "same year" often holds for siblings.
  identity: {
    nationalId: ['exact', 'one edit or transposition'],
    email: ['exact'],
    dateOfBirth: ['exact', 'day/month transposed'],
  },
  // When the given and the family name both contradict, a shared birth date is chance: only these override.
  identifiers: { nationalId: ['exact', 'one edit or transposition'], email: ['exact'] },
  // Dates of birth are often typed carelessly (years apart): only corroboration settles a pair then.
  softConflicts: { familyName: ['else'], dateOfBirth: ['else'] },
  uncertainConflicts: { dateOfBirth: ['else'] },
  reviewConflicts: { organization: ['else'] },
  reviewCorroborations: 2,
  corroborating: {
    dateOfBirth: ['exact', 'day/month transposed', 'one component off', 'one digit off'],
    nationalId: ['exact', 'one edit or transposition'],
    // Only the same mailbox: addresses are made from names, so namesakes' look alike (j.smith@ …).
    email: ['exact'],
    phone: ['exact', 'same last 7 digits', 'one edit or transposition'],
    // A street alone is a place, not an identity: the house number must agree too.
    address: ['exact', 'house number and street'],
  },
  placeEvidence: ['address'],
  nameAgrees: {
    givenName: ['exact', 'nickname', 'swapped given/family'],
    organization: ORGANIZATION_AGREES,
  },
  placeCompanion: { middleName: ['exact'], organization: ORGANIZATION_AGREES },
};

/**
 * Why an automatic merge was refused; the review file and `explain` show these words. A pair kept
 * apart by a conflict does not go to review: the evidence says "different", not "unsure".
 */
export const BLOCK_REASONS = {
  nameConflict: 'name-conflict',
  familyNameConflict: 'family-name-or-birth-date-conflict',
  noCorroboration: 'no-corroboration',
  corroboratedConflict: 'name-conflict-but-corroborated',
} as const;

/** Reasons that keep a pair apart without a review task. */
export const REJECT_REASONS: ReadonlySet<string> = new Set([
  BLOCK_REASONS.nameConflict,
  BLOCK_REASONS.familyNameConflict,
]);

export const BLOCK_MESSAGES: Readonly<Record<string, string>> = {
  'name-conflict': 'kept apart: the names or genders contradict each other and no identifier overrides it',
  'family-name-or-birth-date-conflict':
    'kept apart: the family names or birth dates differ and nothing corroborates the same person',
  'no-corroboration': 'auto-merge blocked: no corroborating identifier',
  'name-conflict-but-corroborated':
    'auto-merge blocked: the names contradict each other but several identifiers agree (review)',
};

/** Per comparison, a 256-entry table: level → role bits. */
const CONFLICT = 1;
const IDENTITY = 2;
const SOFT_CONFLICT = 4;
const CORROBORATES = 8;
const PLACE = 16;
const NAME_AGREES = 32;
const IDENTIFIER = 64;
const PLACE_COMPANION = 128;
const UNCERTAIN = 256;
const REVIEW_CONFLICT = 512;

interface CompiledPolicy {
  roles: Uint16Array[];
}

const compiledPolicies = new WeakMap<CompiledModel, CompiledPolicy>();

function compilePolicy(cm: CompiledModel, policy: EvidencePolicy): CompiledPolicy {
  const hit = policy === EVIDENCE_POLICY ? compiledPolicies.get(cm) : undefined;
  if (hit) return hit;
  const roles = cm.defs.map((d) => {
    const labels = levelLabels(d);
    const table = new Uint16Array(256);
    const mark = (rule: LevelRule, bit: number) => {
      for (const label of rule[d.name] ?? []) {
        const level = labels.indexOf(label);
        if (level > 0) table[level]! |= bit;
      }
    };
    mark(policy.conflicts, CONFLICT);
    mark(policy.identity, IDENTITY);
    mark(policy.identifiers, IDENTIFIER);
    mark(policy.softConflicts, SOFT_CONFLICT);
    mark(policy.uncertainConflicts, UNCERTAIN);
    mark(policy.reviewConflicts, REVIEW_CONFLICT);
    mark(policy.corroborating, CORROBORATES);
    mark(policy.nameAgrees, NAME_AGREES);
    mark(policy.placeCompanion, PLACE_COMPANION);
    // Place levels are marked PLACE instead of CORROBORATES: they corroborate only with a close name.
    if (policy.placeEvidence.includes(d.name))
      for (let l = 1; l < 256; l++) if (table[l]! & CORROBORATES) table[l] = (table[l]! & ~CORROBORATES) | PLACE;
    return table;
  });
  const out = { roles };
  if (policy === EVIDENCE_POLICY) compiledPolicies.set(cm, out);
  return out;
}

/**
 * The reason a pair with these comparison levels must not merge automatically, or null when the
 * evidence allows it. `generic(c)` says the pair's value of comparison c is generic (its agreement
 * then counts for nothing). Reasons in REJECT_REASONS keep the pair apart without review.
 */
export function mergeBlockReason(
  cm: CompiledModel,
  levels: ArrayLike<number>,
  generic: (c: number) => boolean = () => false,
  policy: EvidencePolicy = EVIDENCE_POLICY,
): string | null {
  const { roles } = compilePolicy(cm, policy);
  let bits = 0;
  let place = false;
  // A soft conflict that is not merely uncertain (a family name that differs wholly).
  let firmSoftConflict = false;
  // Conflicts not in reviewConflicts, and the number of independent corroborations.
  let firmConflict = false;
  let corroborations = 0;
  for (let c = 0; c < roles.length; c++) {
    const role = roles[c]![levels[c]!]!;
    if (role === 0) continue;
    if ((role & (IDENTITY | IDENTIFIER | CORROBORATES | PLACE)) !== 0 && generic(c)) {
      bits |= role & ~(IDENTITY | IDENTIFIER | CORROBORATES | PLACE);
      continue;
    }
    if (role & (CORROBORATES | PLACE)) corroborations++;
    if (role & CONFLICT && !(role & REVIEW_CONFLICT)) firmConflict = true;
    if (role & PLACE) place = true;
    else bits |= role;
    if (role & SOFT_CONFLICT && !(role & UNCERTAIN)) firmSoftConflict = true;
  }
  // A reviewable conflict (an organisation name) that several identifiers contradict: unsure, not different.
  if (bits & CONFLICT && !(bits & IDENTITY) && !firmConflict && corroborations >= policy.reviewCorroborations)
    return BLOCK_REASONS.corroboratedConflict;
  if (bits & CONFLICT && !(bits & IDENTITY)) return BLOCK_REASONS.nameConflict;
  if (bits & CONFLICT && bits & SOFT_CONFLICT && !(bits & IDENTIFIER)) return BLOCK_REASONS.nameConflict;
  // A household shares its address: a soft conflict needs evidence other than the place.
  if (bits & SOFT_CONFLICT && !(bits & CORROBORATES))
    // Only uncertain conflicts on an agreeing given name: unsure, not different (see uncertainConflicts).
    // A family name that differs on the same given name at the same full address is a changed name
    // (marriage) as often as a lodger namesake: unsure too. Other household members differ in given name.
    return (!firmSoftConflict || place) && bits & NAME_AGREES
      ? BLOCK_REASONS.noCorroboration
      : BLOCK_REASONS.familyNameConflict;
  // Place evidence corroborates only on a name that agrees closely, middle name (or organisation) included.
  if (place && bits & NAME_AGREES && bits & PLACE_COMPANION) bits |= CORROBORATES;
  if (!(bits & CORROBORATES))
    return bits & SOFT_CONFLICT ? BLOCK_REASONS.familyNameConflict : BLOCK_REASONS.noCorroboration;
  return null;
}

/** The comparisons whose agreement corroborates this pair (for explanations). */
export function corroboratingEvidence(
  cm: CompiledModel,
  levels: ArrayLike<number>,
  generic: (c: number) => boolean = () => false,
): string[] {
  const { roles } = compilePolicy(cm, EVIDENCE_POLICY);
  const out: string[] = [];
  for (let c = 0; c < roles.length; c++)
    if (roles[c]![levels[c]!]! & (CORROBORATES | PLACE) && !generic(c)) out.push(cm.defs[c]!.name);
  return out;
}

export interface PolicyBatchResult {
  /** Per pair, 0 = may merge, else 1 + index into `reasons`; only review reasons (see `rejected`). */
  blocked: Uint8Array;
  /** Per pair, 1 when a conflict keeps it apart without review (REJECT_REASONS). */
  rejected: Uint8Array;
  reasons: string[];
  /** Weights with the contribution of agreement on a generic value removed. */
  weights: Float64Array;
  genericPairs: number;
}

/**
 * The batch form: block codes for every pair, and weights without the agreement on generic values.
 * `flags[c][i]`: record i's value of comparison c is generic (see generic-values.ts); `tfBits` the
 * records' term-frequency bits as scoring added them.
 */
export function evidencePolicyBatch(
  cm: CompiledModel,
  gamma: Uint8Array,
  pairs: PairList,
  weights: Float64Array,
  flags: ReadonlyArray<Uint8Array | null>,
  tfBits: ReadonlyArray<Float32Array | null>,
): PolicyBatchResult {
  const C = cm.defs.length;
  const reasons = Object.values(BLOCK_REASONS) as string[];
  const blocked = new Uint8Array(pairs.length);
  const rejected = new Uint8Array(pairs.length);
  const out = Float64Array.from(weights);
  const levels = new Uint8Array(C);
  let genericPairs = 0;
  let p = 0;
  const generic = (c: number) => {
    const f = flags[c];
    return f !== null && f !== undefined && levels[c]! > 0 && (f[pairs.left[p]!] === 1 || f[pairs.right[p]!] === 1);
  };
  const { roles } = compilePolicy(cm, EVIDENCE_POLICY);
  for (; p < pairs.length; p++) {
    const base = p * C;
    for (let c = 0; c < C; c++) levels[c] = gamma[base + c]!;
    let discounted = false;
    for (let c = 0; c < C; c++) {
      const level = levels[c]!;
      if (!(roles[c]![level]! & (CORROBORATES | PLACE)) || !generic(c)) continue;
      out[p] = out[p]! - cm.weights[c]![level]! - (level === 1 ? (tfBits[c]?.[pairs.left[p]!] ?? 0) : 0);
      discounted = true;
    }
    if (discounted) genericPairs++;
    const reason = mergeBlockReason(cm, levels, generic);
    if (reason !== null && REJECT_REASONS.has(reason)) rejected[p] = 1;
    else if (reason !== null) blocked[p] = 1 + reasons.indexOf(reason);
  }
  return { blocked, rejected, reasons, weights: out, genericPairs };
}

export interface BatchEvidence extends PolicyBatchResult {
  generic: GenericValues;
  /** Per comparison, per record: the value is generic (see `genericFlags`). */
  flags: Array<Uint8Array | null>;
}

/**
 * The whole decision side of a batch in one call: generic values found in `records` (or the given
 * ones), then the policy over every scored pair.
 */
export function applyEvidencePolicy(
  cm: CompiledModel,
  records: readonly StdRecord[],
  pairs: PairList,
  gamma: Uint8Array,
  weights: Float64Array,
  tfBits: ReadonlyArray<Float32Array | null>,
  known?: GenericValues,
): BatchEvidence {
  const generic = known ?? findGenericValues(cm.defs, records);
  const flags = genericFlags(cm.defs, records, generic);
  return { ...evidencePolicyBatch(cm, gamma, pairs, weights, flags, tfBits), generic, flags };
}
