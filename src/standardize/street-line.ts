/**
 * Parser of one street line into PO box, unit, house number, directionals, street name and type.
 * Rule-based on tokens (libpostal is not available): robust rather than exhaustive. A line that is
 * only a street name is normal; a line in which nothing is recognisable is reported by the caller.
 */
import { cleanText, toAscii } from './text.js';
import { DIRECTIONALS, STREET_TYPE_WORDS, UNIT_DESIGNATORS, abbreviateStreetType } from './tables/street-types.js';

export interface StreetLine {
  poBox: string | null;
  unit: string | null;
  houseNumber: string | null;
  preDirectional: string | null;
  streetName: string | null;
  /** Canonical street-type word (street, avenue); abbreviate per country for output. */
  streetTypeWord: string | null;
  postDirectional: string | null;
  /** Tokens after the street type that are not a directional (a locality written into the line). */
  trailing: string[];
}

const PO_BOX =
  /\b(?:p\s?o\s?box|post\s?office\s?box|gpo\s?box|locked\s?bag|private\s?bag|pmb|pob|po\s?bx)\s*(?:no\s*)?#?\s*([a-z0-9][a-z0-9-]*)/;
const HOUSE = /^\d+[a-z]?$|^\d+[a-z]?-\d+[a-z]?$/;
const SLASH_UNIT = /^([a-z]?\d+[a-z]?)\/(\d+[a-z]?(?:-\d+[a-z]?)?)$/;
const FRACTION = /^\d\/\d$/;
const UNIT_ID = /^(?:[a-z]?\d+[a-z]?|[a-z]|\d+-\d+)$/;
const GLUED_UNIT = /^(apt|unit|u|flat|ste|suite|rm|shop|lot)(\d+[a-z]?)$/;
const GLUED_TYPES = [
  'street',
  'road',
  'avenue',
  'drive',
  'place',
  'crescent',
  'court',
  'close',
  'circuit',
  'parade',
  'terrace',
  'lane',
];
const SIMPLE_LINE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const NAME_WORDS: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort' };

/** Lower-case ASCII tokens; keeps "/", "-" and "#" which carry meaning in addresses. */
export function addressTokens(raw: string): string[] {
  const clean = cleanText(raw);
  if (clean === '') return [];
  if (SIMPLE_LINE.test(clean)) return clean.split(' ');
  const s = toAscii(clean)
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/#/g, ' # ')
    .replace(/[^a-z0-9/#\- ]+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .replace(/(^|\s)-+|-+(\s|$)/g, ' ');
  return s.split(' ').filter((t) => t !== '' && t !== '/' && t !== '-');
}

/** Parses the tokens of a street line. `tokens` is consumed (modified). */
export function parseStreetTokens(tokens: string[]): StreetLine {
  const out: StreetLine = {
    poBox: null,
    unit: null,
    houseNumber: null,
    preDirectional: null,
    streetName: null,
    streetTypeWord: null,
    postDirectional: null,
    trailing: [],
  };
  out.poBox = takePoBox(tokens);
  out.unit = takeUnits(tokens);
  takeHouseNumber(tokens, out);
  takeStreet(tokens, out);
  return out;
}

function takePoBox(tokens: string[]): string | null {
  const line = tokens.join(' ');
  if (!line.includes('b')) return null; // every PO_BOX alternative has a "b" (box, bag, bx, pmb, pob)
  const m = PO_BOX.exec(line);
  if (!m) return null;
  const before = line.slice(0, m.index).trim();
  const after = line.slice(m.index + m[0].length).trim();
  tokens.length = 0;
  for (const t of `${before} ${after}`.split(' ')) if (t) tokens.push(t);
  return m[1]!;
}

/** Removes unit designators with their identifiers ("apt 4b", "# 5", "unit3"); returns the ids. */
function takeUnits(tokens: string[]): string | null {
  const ids: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const glued = GLUED_UNIT.exec(t);
    if (glued) {
      ids.push(glued[2]!);
      tokens.splice(i--, 1);
      continue;
    }
    const next = tokens[i + 1];
    if ((t === '#' || UNIT_DESIGNATORS.has(t)) && next !== undefined && UNIT_ID.test(next)) {
      // "12 f street" has no unit: a one-letter designator needs a number after it and must not be
      // the only thing before a street type.
      if (t.length === 1 && t !== '#' && !/\d/.test(next)) continue;
      ids.push(next);
      tokens.splice(i--, 2);
    } else if (t === '#') {
      tokens.splice(i--, 1);
    }
  }
  return ids.length > 0 ? ids.join(' ') : null;
}

function takeHouseNumber(tokens: string[], out: StreetLine): void {
  const first = tokens[0];
  if (first === undefined) return;
  const slash = SLASH_UNIT.exec(first);
  if (slash) {
    out.unit = out.unit ? `${slash[1]} ${out.unit}` : slash[1]!;
    out.houseNumber = slash[2]!;
  } else if (HOUSE.test(first)) {
    out.houseNumber = first;
  } else {
    return;
  }
  tokens.shift();
  if (tokens[0] !== undefined && FRACTION.test(tokens[0])) out.houseNumber += ' ' + tokens.shift()!;
}

function takeStreet(tokens: string[], out: StreetLine): void {
  // "e 51st st", "n main": a leading directional, unless all that follows is a street type ("north tce").
  if (
    tokens.length >= 2 &&
    DIRECTIONALS.has(tokens[0]!) &&
    !(tokens.length === 2 && STREET_TYPE_WORDS.has(tokens[1]!))
  ) {
    out.preDirectional = DIRECTIONALS.get(tokens.shift()!)!;
  }
  let typeAt = -1;
  for (let i = tokens.length - 1; i >= 1; i--) {
    if (STREET_TYPE_WORDS.has(tokens[i]!)) {
      typeAt = i;
      break;
    }
  }
  if (typeAt < 0) {
    splitGluedType(tokens, out);
    return;
  }
  out.streetTypeWord = STREET_TYPE_WORDS.get(tokens[typeAt]!)!;
  out.streetName = streetNameOf(tokens.slice(0, typeAt));
  let rest = tokens.slice(typeAt + 1);
  if (rest.length > 0 && DIRECTIONALS.has(rest[0]!)) {
    out.postDirectional = DIRECTIONALS.get(rest[0]!)!;
    rest = rest.slice(1);
  }
  out.trailing = rest;
}

/** "pridhamstreet" (a lost space, common in keyed data) → street name "pridham", type street. */
function splitGluedType(tokens: string[], out: StreetLine): void {
  const last = tokens[tokens.length - 1];
  if (last !== undefined) {
    for (const word of GLUED_TYPES) {
      if (last.length >= word.length + 3 && last.endsWith(word)) {
        out.streetTypeWord = word;
        out.streetName = streetNameOf([...tokens.slice(0, -1), last.slice(0, -word.length)]);
        return;
      }
    }
  }
  out.streetName = streetNameOf(tokens);
}

function streetNameOf(words: string[]): string | null {
  if (words.length === 0) return null;
  return words.map((w, i) => (i < words.length - 1 || words.length > 1 ? (NAME_WORDS[w] ?? w) : w)).join(' ');
}

/** Normalised street line: "[unit/]house [predir] name type [postdir]". */
export function formatStreetLine(p: StreetLine, country: string | null): string | null {
  const parts: string[] = [];
  if (p.houseNumber) parts.push(p.unit ? `${p.unit.replace(/ /g, '/')}/${p.houseNumber}` : p.houseNumber);
  if (p.preDirectional) parts.push(p.preDirectional);
  if (p.streetName) parts.push(p.streetName);
  if (p.streetTypeWord) parts.push(abbreviateStreetType(p.streetTypeWord, country));
  if (p.postDirectional) parts.push(p.postDirectional);
  if (parts.length === 0 && p.poBox) parts.push(`po box ${p.poBox}`);
  return parts.length > 0 ? parts.join(' ') : null;
}
