/**
 * Nickname → canonical given name, derived once at load from the public nickname lines.
 *
 * The source lines are loose: "bob,rob,robert" and "robert,...,bob" both exist, and "bill" lists
 * "robert" as well as "william". The canonical name of x is the related name (either line lists the
 * other) with MORE nicknames of its own than x, i.e. the hub of the group: a mutual relation ranks
 * first, then x listing c, then c listing x; then more nicknames, shorter, alphabetical. A formal
 * name (its own line lists at least two shorter names and it is not a -y/-ie diminutive) moves only
 * on a mutual relation, so "albert" does not drift to "adelbert". Chains are followed (bobby → bob
 * → robert); nickname counts strictly grow along a chain, so it ends.
 */
import { NICKNAME_LINES } from './nicknames-data.js';

function parseLines(text: string): Map<string, Set<string>> {
  const rows = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const names = line
      .split(',')
      .map((n) =>
        n
          .trim()
          .toLowerCase()
          .replace(/[^a-z]/g, ''),
      )
      .filter((n) => n.length > 0);
    const [head, ...rest] = names;
    if (!head) continue;
    const set = rows.get(head) ?? new Set<string>();
    for (const n of rest) if (n !== head) set.add(n);
    rows.set(head, set);
  }
  return rows;
}

/**
 * A head whose own line lists only shorter names and that is not a diminutive form (-y, -ie) is a
 * formal name: it moves to another name only on a mutual relation, so "albert" does not drift to
 * "adelbert" because the latter lists it.
 */
function isFormal(x: string, own: Set<string> | undefined): boolean {
  if (!own || DIMINUTIVE.test(x)) return false;
  let shorter = 0;
  for (const n of own) if (n.length < x.length) shorter += 1;
  return shorter >= 2;
}

function buildCanonical(rows: Map<string, Set<string>>): Map<string, string> {
  const listedBy = new Map<string, Set<string>>(); // nickname → heads whose line lists it
  for (const [head, nicks] of rows) {
    for (const n of nicks) (listedBy.get(n) ?? listedBy.set(n, new Set()).get(n)!).add(head);
  }
  const size = (n: string): number => rows.get(n)?.size ?? 0;
  const direct = new Map<string, string>();
  for (const x of new Set([...rows.keys(), ...listedBy.keys()])) {
    const best = bestHub(x, rows.get(x) ?? new Set(), listedBy.get(x) ?? new Set(), size);
    if (best) direct.set(x, best);
  }
  const canonical = new Map<string, string>();
  for (const x of direct.keys()) {
    let c = x;
    const seen = new Set([x]);
    for (let next = direct.get(c); next !== undefined && !seen.has(next); next = direct.get(c)) {
      seen.add(next);
      c = next;
    }
    canonical.set(x, c);
  }
  return canonical;
}

type HubKey = [relation: number, overlap: number, size: number, shortness: number, name: string];

function bestHub(x: string, own: Set<string>, listers: Set<string>, size: (n: string) => number): string | null {
  const formal = isFormal(x, own);
  const minLength = DIMINUTIVE.test(x) ? x.length - 2 : x.length;
  let best: string | null = null;
  let bestKey: HubKey | null = null;
  for (const c of new Set([...own, ...listers])) {
    const relation = own.has(c) && listers.has(c) ? 3 : own.has(c) ? 2 : 1;
    const bigger = size(c) > size(x) || (size(c) === size(x) && relation >= 2 && c.length > x.length);
    if (!bigger || c.length < minLength || (formal && relation < 3)) continue;
    const key: HubKey = [relation, overlap(x, own, c), size(c), -c.length, c];
    if (!bestKey || compareKeys(key, bestKey) > 0) [best, bestKey] = [c, key];
  }
  return best;
}

/** How many of x and its nicknames the candidate's own line also lists (bobby, bob, rob ⊂ robert). */
function overlap(x: string, own: Set<string>, c: string): number {
  const line = ROWS_REF.rows.get(c);
  if (!line) return 0;
  let n = line.has(x) ? 1 : 0;
  for (const nick of own) if (line.has(nick)) n += 1;
  return n;
}

function compareKeys(a: HubKey, b: HubKey): number {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a[4] < b[4] ? 1 : a[4] > b[4] ? -1 : 0;
}

const DIMINUTIVE = /(y|ie|ey)$/;
const ROWS_REF: { rows: Map<string, Set<string>> } = { rows: new Map() };

const ROWS = parseLines(NICKNAME_LINES);
ROWS_REF.rows = ROWS;
const CANONICAL = buildCanonical(ROWS);

/** Canonical given name for a folded (lower-case ASCII) given name; the name itself when none applies. */
export function canonicalGivenName(folded: string): string {
  return CANONICAL.get(folded) ?? folded;
}

/** Number of nickname → name pairs in the source table (for tests and documentation). */
export function nicknamePairCount(): number {
  let pairs = 0;
  for (const nicks of ROWS.values()) pairs += nicks.size;
  return pairs;
}
