/**
 * Dates of birth in many formats → ISO plus year/month/day parts. Ambiguous numeric dates follow
 * options.dateOrder unless one reading is impossible (13/04/2001 can only be DMY). Two-digit years
 * pivot on "today" (a year that would be in the future belongs to the previous century). Excel
 * serial numbers (days since 1899-12-30) are read when plausible for a birth date.
 */
export type DateOrder = 'DMY' | 'MDY' | 'YMD';

export interface StdDate {
  iso: string | null;
  year: number | null;
  month: number | null;
  day: number | null;
  problem: 'date.unparsed' | 'date.impossible' | 'date.future' | 'date.too_old' | null;
}

const NONE: StdDate = { iso: null, year: null, month: null, day: null, problem: null };
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
const TIME_PART = /[t\s]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(z|[+-]\d{2}:?\d{2}|am|pm)?$/i;
const ISO_LIKE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const NUMERIC = /^(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{2}|\d{4})$/;
const COMPACT = /^\d{8}$/;
const SERIAL = /^\d{4,5}(\.\d+)?$/;
const WORDS = /[a-z]+|\d+/g;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Days in a month (month 1–12), Gregorian leap years. */
function daysInMonth(year: number, month: number): number {
  return month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;
}

function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function pivotYear(yy: number, today: Date): number {
  const century = Math.floor(today.getUTCFullYear() / 100) * 100;
  const year = century + yy;
  return year > today.getUTCFullYear() ? year - 100 : year;
}

/** Builds the result of a y/m/d reading and checks it as a birth date against today. */
function checked(y: number, m: number, d: number, today: Date): StdDate {
  if (!isValidDate(y, m, d)) {
    // Keep the parts that are valid on their own: a comparison on year still helps.
    return {
      iso: null,
      year: y >= 1000 && y <= 9999 ? y : null,
      month: m >= 1 && m <= 12 ? m : null,
      day: d >= 1 && d <= 31 ? d : null,
      problem: 'date.impossible',
    };
  }
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const result: StdDate = { iso, year: y, month: m, day: d, problem: null };
  const time = Date.UTC(y, m - 1, d);
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (time > now) result.problem = 'date.future';
  else if (y < today.getUTCFullYear() - 120) result.problem = 'date.too_old';
  return result;
}

/** Reads two ambiguous numbers a/b as day/month or month/day per order, unless only one reading is valid. */
function dayMonth(a: number, b: number, y: number, order: DateOrder, today: Date): StdDate {
  const dmyOk = isValidDate(y, b, a);
  const mdyOk = isValidDate(y, a, b);
  if (dmyOk && !mdyOk) return checked(y, b, a, today);
  if (mdyOk && !dmyOk) return checked(y, a, b, today);
  return order === 'MDY' ? checked(y, a, b, today) : checked(y, b, a, today);
}

/** True for a value parseDate reads as a spreadsheet serial day number. */
export function isExcelSerial(text: string): boolean {
  return SERIAL.test(text.trim());
}

/** Parses a date of birth. Empty → all null and no problem. Never throws. */
export function parseDate(raw: string | null | undefined, order: DateOrder, today: Date): StdDate {
  const text = (raw ?? '').trim().toLowerCase().replace(TIME_PART, '').trim();
  if (text === '') return NONE;
  let m = ISO_LIKE.exec(text);
  if (m) return checked(+m[1]!, +m[2]!, +m[3]!, today);
  if (COMPACT.test(text)) return compact(text, order, today);
  m = NUMERIC.exec(text);
  if (m) {
    const y = m[3]!.length === 2 ? pivotYear(+m[3]!, today) : +m[3]!;
    return dayMonth(+m[1]!, +m[2]!, y, order === 'YMD' ? 'DMY' : order, today);
  }
  if (SERIAL.test(text)) return excelSerial(Number(text), today);
  return withMonthName(text, today);
}

/** YYYYMMDD when the first four digits are a plausible year, else DDMMYYYY / MMDDYYYY. */
function compact(text: string, order: DateOrder, today: Date): StdDate {
  const y = +text.slice(0, 4);
  if (y >= 1800 && y <= today.getUTCFullYear() + 1) return checked(y, +text.slice(4, 6), +text.slice(6, 8), today);
  const tail = +text.slice(4, 8);
  return dayMonth(+text.slice(0, 2), +text.slice(2, 4), tail, order === 'YMD' ? 'DMY' : order, today);
}

/** Excel serial day numbers: accepted between 1900 and today (birth dates). */
function excelSerial(serial: number, today: Date): StdDate {
  const time = EXCEL_EPOCH + Math.floor(serial) * DAY_MS;
  if (serial < 1 || time > today.getTime()) return { ...NONE, problem: 'date.unparsed' };
  const d = new Date(time);
  return checked(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), today);
}

/** "12 March 1980", "Mar 12, 1980", "12-MAR-80", "1980 Mar 12". */
function withMonthName(text: string, today: Date): StdDate {
  const parts = text.match(WORDS) ?? [];
  let month: number | null = null;
  const numbers: string[] = [];
  for (const p of parts) {
    if (/^\d+$/.test(p)) numbers.push(p);
    else if (MONTHS[p] !== undefined && month === null) month = MONTHS[p]!;
    else if (!/^(st|nd|rd|th|of)$/.test(p)) return { ...NONE, problem: 'date.unparsed' };
  }
  if (month === null || numbers.length !== 2) return { ...NONE, problem: 'date.unparsed' };
  const [a, b] = numbers as [string, string];
  const yearFirst = a.length === 4;
  const yText = yearFirst ? a : b;
  const dText = yearFirst ? b : a;
  const y = yText.length <= 2 ? pivotYear(+yText, today) : +yText;
  return checked(y, month, +dText, today);
}
