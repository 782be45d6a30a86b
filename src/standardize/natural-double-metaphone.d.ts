/** natural ships no types for its sub-path modules; only the part used here is declared. */
declare module 'natural/lib/natural/phonetics/double_metaphone.js' {
  export default class DoubleMetaphone {
    /** [primary, secondary] codes, upper-case. */
    process(token: string, maxLength?: number): [string, string];
  }
}
