/**
 * Related customers: people who share an address, a phone or an email but are not the same person —
 * a different given name or date of birth says so. They stay apart (the evidence policy keeps a
 * name conflict from merging) and the relationship is recorded: `household` when they share the
 * address or the family name, `shared_contact` when only a phone or email links them. A generic
 * value (a switchboard, an office block) links strangers, not relatives, so it makes no relationship.
 */
import { levelLabels } from './comparisons.js';
import type { CompiledModel } from './model.js';
import type { PairList } from './score.js';

export type Relationship = 'household' | 'shared_contact';

export interface RelatedRules {
  /** Contact shared at these levels. */
  sharedContact: Readonly<Record<string, readonly string[]>>;
  /** The two are different people when any of these holds. */
  differentPerson: Readonly<Record<string, readonly string[]>>;
  /** A shared contact becomes a household with any of these. */
  household: Readonly<Record<string, readonly string[]>>;
}

export const RELATED_RULES: RelatedRules = {
  sharedContact: {
    address: ['exact', 'house number and street'],
    phone: ['exact', 'same last 7 digits'],
    email: ['exact'],
  },
  differentPerson: { givenName: ['else'], dateOfBirth: ['same year', 'else'] },
  household: {
    address: ['exact', 'house number and street'],
    familyName: ['exact', 'jaro-winkler>=0.92', 'phonetic'],
  },
};

interface CompiledRules {
  shared: Uint8Array[];
  different: Uint8Array[];
  household: Uint8Array[];
  /** Comparison index → name, for the `shared` list. */
  names: string[];
}

const cache = new WeakMap<CompiledModel, CompiledRules>();

function compileRules(cm: CompiledModel): CompiledRules {
  const hit = cache.get(cm);
  if (hit) return hit;
  const table = (rule: Readonly<Record<string, readonly string[]>>) =>
    cm.defs.map((d) => {
      const labels = levelLabels(d);
      const t = new Uint8Array(256);
      for (const label of rule[d.name] ?? []) if (labels.indexOf(label) > 0) t[labels.indexOf(label)] = 1;
      return t;
    });
  const out = {
    shared: table(RELATED_RULES.sharedContact),
    different: table(RELATED_RULES.differentPerson),
    household: table(RELATED_RULES.household),
    names: cm.defs.map((d) => d.name),
  };
  cache.set(cm, out);
  return out;
}

/** The relationship of two records with these levels, or null (unrelated, or perhaps the same person). */
export function relationshipOf(
  cm: CompiledModel,
  levels: ArrayLike<number>,
  generic: (c: number) => boolean = () => false,
): { relationship: Relationship; shared: string[] } | null {
  const r = compileRules(cm);
  const shared: string[] = [];
  let different = false;
  let household = false;
  for (let c = 0; c < r.names.length; c++) {
    const level = levels[c]!;
    if (r.different[c]![level]) different = true;
    if (r.shared[c]![level] && !generic(c)) shared.push(r.names[c]!);
    if (r.household[c]![level] && !generic(c)) household = true;
  }
  if (!different || shared.length === 0) return null;
  return { relationship: household ? 'household' : 'shared_contact', shared };
}

export interface RelatedPair {
  pair: number;
  relationship: Relationship;
  /** Comparisons whose value the two share (address, phone, email). */
  shared: string[];
}

/**
 * The batch form: every candidate pair whose records ended in different customers and are related.
 * `flags[c][i]`: record i's value of comparison c is generic.
 */
export function findRelatedPairs(
  cm: CompiledModel,
  gamma: Uint8Array,
  pairs: PairList,
  clusterOf: ArrayLike<number>,
  flags: ReadonlyArray<Uint8Array | null>,
): RelatedPair[] {
  const C = cm.defs.length;
  const out: RelatedPair[] = [];
  let p = 0;
  const generic = (c: number) => {
    const f = flags[c];
    return f !== null && f !== undefined && (f[pairs.left[p]!] === 1 || f[pairs.right[p]!] === 1);
  };
  for (; p < pairs.length; p++) {
    if (clusterOf[pairs.left[p]!] === clusterOf[pairs.right[p]!]) continue;
    const related = relationshipOf(cm, gamma.subarray(p * C, p * C + C), generic);
    if (related) out.push({ pair: p, ...related });
  }
  return out;
}
