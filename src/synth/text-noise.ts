/**
 * Character-level noise: keyboard typos and OCR confusions. Each function returns the changed text,
 * or the same text when nothing applies (the caller then records no corruption).
 */
import type { Rng } from './prng.js';

/** QWERTY neighbours of each letter (same row and the rows above/below). */
const NEAR: Record<string, string> = {
  q: 'wa',
  w: 'qase',
  e: 'wsdr',
  r: 'edft',
  t: 'rfgy',
  y: 'tghu',
  u: 'yhji',
  i: 'ujko',
  o: 'iklp',
  p: 'ol',
  a: 'qwsz',
  s: 'awedxz',
  d: 'serfcx',
  f: 'drtgvc',
  g: 'ftyhbv',
  h: 'gyujnb',
  j: 'huikmn',
  k: 'jiolm',
  l: 'kop',
  z: 'asx',
  x: 'zsdc',
  c: 'xdfv',
  v: 'cfgb',
  b: 'vghn',
  n: 'bhjm',
  m: 'njk',
  '0': '9',
  '1': '2',
  '2': '13',
  '3': '24',
  '4': '35',
  '5': '46',
  '6': '57',
  '7': '68',
  '8': '79',
  '9': '80',
};

/** OCR confusions, both directions where both occur. */
const OCR: readonly (readonly [string, string])[] = [
  ['rn', 'm'],
  ['m', 'rn'],
  ['cl', 'd'],
  ['d', 'cl'],
  ['vv', 'w'],
  ['w', 'vv'],
  ['0', 'O'],
  ['O', '0'],
  ['o', '0'],
  ['1', 'l'],
  ['l', '1'],
  ['I', 'l'],
  ['i', 'l'],
  ['5', 'S'],
  ['S', '5'],
  ['8', 'B'],
  ['B', '8'],
  ['e', 'c'],
  ['c', 'e'],
  ['h', 'b'],
  ['u', 'v'],
  ['n', 'h'],
  ['g', 'q'],
  ['a', 'o'],
];

function nearKey(rng: Rng, ch: string): string {
  const lower = ch.toLowerCase();
  const options = NEAR[lower];
  if (!options) return ch;
  const pick = options[rng.int(options.length)] as string;
  return ch === lower ? pick : pick.toUpperCase();
}

/** Is this a letter or digit worth typing wrong (ASCII only: CJK text gets no keyboard typos)? */
function typable(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export type TypoKind = 'insert' | 'delete' | 'substitute' | 'transpose';

/** One keyboard typo at a random typable position; `kind` fixed or drawn. */
export function typo(rng: Rng, text: string, kind?: TypoKind): string {
  if (text.length < 2) return text;
  let pos = -1;
  for (let tries = 0; tries < 6 && pos < 0; tries++) {
    const p = rng.int(text.length);
    if (typable(text.charCodeAt(p))) pos = p;
  }
  if (pos < 0) return text;
  const ch = text[pos] as string;
  const k = kind ?? (['insert', 'delete', 'substitute', 'transpose'] as const)[rng.int(4)];
  switch (k) {
    case 'insert':
      return text.slice(0, pos) + nearKey(rng, ch) + text.slice(pos);
    case 'delete':
      return text.slice(0, pos) + text.slice(pos + 1);
    case 'substitute': {
      const sub = nearKey(rng, ch);
      return sub === ch ? text : text.slice(0, pos) + sub + text.slice(pos + 1);
    }
    default: {
      const next = pos + 1 < text.length ? pos : pos - 1;
      const a = text[next] as string;
      const b = text[next + 1] as string;
      return a === b ? text : text.slice(0, next) + b + a + text.slice(next + 2);
    }
  }
}

/** One OCR-style confusion, at a random occurrence of a random applicable pattern. */
export function ocrConfusion(rng: Rng, text: string): string {
  const start = rng.int(OCR.length);
  for (let i = 0; i < OCR.length; i++) {
    const [from, to] = OCR[(start + i) % OCR.length] as readonly [string, string];
    const at = text.indexOf(from, rng.int(Math.max(1, text.length - from.length)));
    const pos = at >= 0 ? at : text.indexOf(from);
    if (pos >= 0) return text.slice(0, pos) + to + text.slice(pos + from.length);
  }
  return text;
}

/** Doubled inner space, or a leading/trailing space. */
export function whitespaceNoise(rng: Rng, text: string): string {
  const space = text.indexOf(' ');
  const r = rng.int(3);
  if (r === 0 && space > 0) return text.slice(0, space) + '  ' + text.slice(space + 1);
  return r === 1 ? ' ' + text : text + ' ';
}

/** Changes one digit of a string of digits (leaving separators alone). */
export function digitTypo(rng: Rng, text: string): string {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) positions.push(i);
  }
  if (positions.length === 0) return text;
  const pos = positions[rng.int(positions.length)] as number;
  const old = text.charCodeAt(pos) - 48;
  const digit = (old + 1 + rng.int(9)) % 10;
  return text.slice(0, pos) + String(digit) + text.slice(pos + 1);
}
