/**
 * Name-conflict guard for clustering. Fellegi–Sunter treats fields as independent, but address,
 * phone, locality, postcode and family name often agree together for different entities at one
 * place (the members of a household, a hotel's restaurants): their weights add up and outvote a
 * name that disagrees completely, and EM, seeing many such pairs, even learns that names may
 * disagree. Such a pair is sent to review instead of merged automatically, as an MDM rule "a merge
 * needs the names not to contradict each other" (cf. Senzing's resolution principles) — unless
 * evidence that no household or building shares backs it.
 */
import { levelLabels } from './comparisons.js';
import type { CompiledModel } from './model.js';
import type { PairList } from './score.js';

/** The given name, or the organisation name, disagreeing wholly ("else") is a conflict. */
export const CONFLICT_COMPARISONS: readonly string[] = ['givenName', 'organization'];

/**
 * Evidence personal to one entity: agreement at any of these levels lifts the guard, as names can be
 * garbled or swapped beyond recognition on records that still carry the same national id, email or
 * date of birth. "Same year" of birth is not enough: a couple or siblings share it too often.
 */
export const LIFTING_LEVELS: Readonly<Record<string, readonly string[]>> = {
  nationalId: ['exact', 'one edit or transposition'],
  email: ['exact', 'same local part'],
  dateOfBirth: ['exact', 'day/month transposed', 'one component off', 'one digit off'],
};

/** Per pair, 1 when a conflict comparison is at "else" and no lifting level holds. */
export function nameConflicts(cm: CompiledModel, gamma: Uint8Array, pairs: PairList): Uint8Array {
  const C = cm.defs.length;
  const conflictAt = new Int16Array(C).fill(-1);
  const lifts = cm.defs.map(() => new Uint8Array(256));
  cm.defs.forEach((d, c) => {
    const labels = levelLabels(d);
    if (CONFLICT_COMPARISONS.includes(d.name)) conflictAt[c] = labels.length - 1;
    for (const label of LIFTING_LEVELS[d.name] ?? []) {
      const level = labels.indexOf(label);
      if (level > 0) lifts[c]![level] = 1;
    }
  });
  const out = new Uint8Array(pairs.length);
  for (let p = 0; p < pairs.length; p++) {
    const base = p * C;
    let conflict = false;
    let lifted = false;
    for (let c = 0; c < C; c++) {
      const level = gamma[base + c]!;
      if (level === conflictAt[c]) conflict = true;
      if (lifts[c]![level]) lifted = true;
    }
    out[p] = conflict && !lifted ? 1 : 0;
  }
  return out;
}
