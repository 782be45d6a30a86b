/**
 * How int8 and numeric values are turned into JS values, shared by pg and PGlite so both backends
 * return the same types. Both become `number`: ids and counts stay far below 2^53, and numeric
 * columns hold money-like customer values where double precision (~15 significant digits) is enough
 * for ranking, totals and display. A value that would lose integer precision fails loudly.
 */
export const INT8_OID = 20;
export const NUMERIC_OID = 1700;

export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${text} is outside the safe integer range of JS numbers`);
  }
  return value;
}

export function parseNumeric(text: string): number {
  return Number(text);
}
