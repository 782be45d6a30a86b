/**
 * Organisation names: legal form split off and normalised, comparison form, and a match key that
 * is equal for "ACME Corp." and "Acme Corporation", for Müller, Mueller and Muller, and for
 * ООО «Ромашка» and Romashka LLC; plus the "looks like an organisation" test
 * that routes a record holding only `full_name`.
 */
import { cleanText, foldText, hasHan, hanToPinyin, simplifyHan } from './text.js';
import {
  CYRILLIC_LEADING_LEGAL_FORMS,
  HAN_LEGAL_FORMS,
  HAN_ORG_HINT,
  LEGAL_FORMS,
  ORG_ABBREVIATIONS,
  ORG_HINT_WORDS,
  ORG_STOP_WORDS,
} from './tables/org-words.js';

export interface OrganizationName {
  /** Display form, cleaned (legal form kept). */
  display: string;
  /** Comparison form without the legal form. */
  name: string | null;
  key: string | null;
  legalForm: string | null;
  /** Original-script name (simplified Han) when the input was Han. */
  native: string | null;
}

// Legal forms as token arrays, longest first, so "pty ltd" wins over "ltd".
const LEGAL_FORM_TOKENS = [...LEGAL_FORMS]
  .map(([words, form]) => [words.split(' '), form] as const)
  .sort((a, b) => b[0].length - a[0].length);

/** "s.a." / "l.l.c." / "S. A." → "sa" / "llc": single letters separated by dots become one word. */
const DOTTED_INITIALS = /\b((?:[A-Za-z]\.\s?){2,})/g;
const AMPERSAND = /\s*[&+]\s*/g;

/** Tokens of the comparison form of an organisation name (dotted initials joined, & → and). */
function orgTokens(text: string): string[] {
  const joined = text.replace(DOTTED_INITIALS, (m) => m.replace(/[.\s]/g, '') + ' ').replace(AMPERSAND, ' and ');
  const folded = foldText(joined);
  return folded === '' ? [] : folded.split(' ');
}

/** Removes a trailing legal form from the tokens; returns the normalised form or null. */
function takeLegalForm(tokens: string[]): string | null {
  for (const [words, form] of LEGAL_FORM_TOKENS) {
    if (tokens.length <= words.length) continue; // a name that is only a legal form keeps it
    let match = true;
    for (let i = 0; i < words.length; i++) {
      if (tokens[tokens.length - words.length + i] !== words[i]) {
        match = false;
        break;
      }
    }
    if (match) {
      tokens.length -= words.length;
      if (tokens[tokens.length - 1] === 'and' && tokens.length > 1) tokens.length -= 1; // "Smith & Co"
      return form;
    }
  }
  return null;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Removes a leading Cyrillic legal form ("ooo romashka" → "romashka"); returns its normalised form or null. */
function takeLeadingLegalForm(tokens: string[]): string | null {
  const form = tokens.length > 1 ? CYRILLIC_LEADING_LEGAL_FORMS.get(tokens[0]!) : undefined;
  if (form === undefined) return null;
  tokens.shift();
  return form;
}

/**
 * German umlauts written out (Mueller, Schroeder, Kaercher) folded like the umlaut itself (ü → u,
 * as foldText does): a vowel + e between consonants loses the e. Applied to both sides of every
 * comparison alike, so a rare word it shortens by mistake (Michael → michal) still equals itself.
 */
const UMLAUT_DIGRAPH = /([b-df-hj-np-tv-z])([aou])e(?=[b-df-hj-np-tv-z])/g;
const foldUmlautDigraphs = (word: string): string => word.replace(UMLAUT_DIGRAPH, '$1$2');

/** Standardises one organisation name. Returns null parts for empty input. */
export function standardizeOrganizationName(raw: string | null | undefined): OrganizationName {
  const display = cleanText(raw);
  if (display === '') return { display, name: null, key: null, legalForm: null, native: null };
  let text = display;
  let legalForm: string | null = null;
  let native: string | null = null;
  if (hasHan(text)) {
    native = simplifyHan(text).replace(/\s+/g, '');
    for (const [ending, form] of HAN_LEGAL_FORMS) {
      if (native.endsWith(ending) && native.length > ending.length) {
        legalForm = form;
        text = native.slice(0, -ending.length);
        break;
      }
    }
    text = text.replace(/\p{Script=Han}+/gu, (run) => ` ${hanToPinyin(run, false)} `);
  }
  const tokens = orgTokens(text);
  if (CYRILLIC.test(display)) legalForm ??= takeLeadingLegalForm(tokens);
  legalForm ??= takeLegalForm(tokens);
  const name = tokens.join(' ') || null;
  return { display, name, key: organizationKey(tokens), legalForm, native };
}

/** Match key: leading "the", stop words and "and" removed, abbreviations expanded, possessive s kept. */
function organizationKey(tokens: string[]): string | null {
  const out: string[] = [];
  for (const t of tokens) {
    const word = ORG_ABBREVIATIONS[t] ?? t;
    if (!ORG_STOP_WORDS.has(word)) out.push(foldUmlautDigraphs(word));
  }
  if (out.length === 0) return tokens.length > 0 ? tokens.join(' ') : null;
  return out.join(' ');
}

const LEGAL_FORM_WORDS = new Set(LEGAL_FORMS.flatMap(([w]) => w.split(' ')));
const AMPERSAND_OR_DIGITS = /&|\d{3,}/;

/**
 * Whether a name looks like an organisation rather than a person: a legal form or an organisation
 * word (school, services, bank, 公司, ...), an ampersand, or a long number. Names of people rarely
 * contain any of these; a false positive only changes routing, not matching of the name text.
 */
export function looksLikeOrganization(raw: string | null | undefined): boolean {
  const text = cleanText(raw);
  if (text === '') return false;
  if (hasHan(text)) return HAN_ORG_HINT.test(text);
  if (AMPERSAND_OR_DIGITS.test(text)) return true;
  const tokens = orgTokens(text);
  if (tokens.length === 0) return false;
  const last = tokens[tokens.length - 1]!;
  if (tokens.length > 1 && LEGAL_FORM_WORDS.has(last) && last !== 'co') return true;
  let hints = 0;
  for (const t of tokens) if (ORG_HINT_WORDS.has(t) && !LEGAL_FORM_WORDS.has(t)) hints += 1;
  return hints > 0 && (tokens.length > 1 || hints === tokens.length);
}
