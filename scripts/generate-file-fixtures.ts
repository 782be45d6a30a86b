/**
 * Writes fixtures/files/: the same ten records (six customers, three systems named as people write
 * them) in every encoding, delimiter and format the reader accepts, plus a system's own export with
 * its column mapping. Run `npx tsx scripts/generate-file-fixtures.ts`; the output is committed and
 * test/io/file-fixtures.test.ts imports each file through the CLI and the import job.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';

const OUT = new URL('../fixtures/files/', import.meta.url).pathname;

const COLUMNS = [
  'source_system',
  'source_record_id',
  'given_name',
  'family_name',
  'date_of_birth',
  'email',
  'phone',
  'address_line1',
  'address_line2',
  'locality',
  'region',
  'postal_code',
  'country',
] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

// Characters every target encoding has (Windows-1252 is the narrowest): accents, ß, en dash, ’.
const ROWS: Row[] = [
  [
    'CRM – Sydney',
    'c-1',
    'Zoë',
    'Brontë',
    '1984-03-07',
    'zoe.bronte@example.org',
    '0412 345 678',
    '12 Bondi Rd',
    'Flat 2\nRear entrance',
    'Bondi',
    'NSW',
    '2026',
    'AU',
  ],
  [
    'Ventes Montréal',
    'v-17',
    'Zoe',
    'Bronte',
    '07/03/1984',
    'zoe.bronte@example.org',
    '+61 412 345 678',
    '12 Bondi Road',
    '',
    'Bondi',
    'NSW',
    '2026',
    'AU',
  ],
  [
    'CRM – Sydney',
    'c-2',
    'José',
    'Núñez',
    '1975-11-30',
    'jose.nunez@example.org',
    '0298765432',
    '5 George St',
    '',
    'Sydney',
    'NSW',
    '2000',
    'AU',
  ],
  [
    'web_shop',
    'w-9',
    'Jose',
    'Nunez',
    '30/11/1975',
    'jose.nunez@example.org',
    '',
    '5 George Street',
    '',
    'Sydney',
    'NSW',
    '2000',
    'AU',
  ],
  [
    'web_shop',
    'w-10',
    'Jürgen',
    'Groß',
    '1990-01-15',
    'j.gross@example.de',
    '+49 30 1234567',
    'Unter den Linden 1',
    '',
    'Berlin',
    '',
    '10117',
    'DE',
  ],
  [
    'Ventes Montréal',
    'v-18',
    'Chloé',
    'O’Brien',
    '1968-06-02',
    'chloe.obrien@example.ca',
    '+1 514 555 0199',
    '400 rue Sainte-Catherine',
    '',
    'Montréal',
    'QC',
    'H2X 1A1',
    'CA',
  ],
  [
    'CRM – Sydney',
    'c-3',
    'Chloe',
    'O’Brien',
    '02/06/1968',
    'chloe.obrien@example.ca',
    '',
    '400 Rue Sainte-Catherine',
    '',
    'Montreal',
    'QC',
    'H2X1A1',
    'CA',
  ],
  ['web_shop', 'w-11', 'Ana', 'Silva', '2001-09-09', 'ana.silva@example.pt', '', '', '', '', '', '', 'PT'],
  [
    'Ventes Montréal',
    'v-19',
    'Siobhán',
    'Ní Bhriain',
    '1959-12-24',
    'siobhan@example.ie',
    '+353 1 555 0100',
    '"The Old Rectory", Main St',
    '',
    'Dublin',
    '',
    'D02 X285',
    'IE',
  ],
  [
    'web_shop',
    'w-12',
    'Émile',
    'Zola',
    '1940-04-02',
    'emile.zola@example.fr',
    '+33 1 23 45 67 89',
    '21 bis rue de Bruxelles',
    '',
    'Paris',
    '',
    '75009',
    'FR',
  ],
].map((values) => Object.fromEntries(COLUMNS.map((c, i) => [c, values[i]!])) as Row);

function field(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A delimited file; `blankLines` puts empty lines between records (line numbers must stay physical). */
function delimited(delimiter: string, newline = '\n', blankLines = false): string {
  const lines = [COLUMNS.join(delimiter)];
  for (const row of ROWS) {
    lines.push(COLUMNS.map((c) => field(row[c], delimiter)).join(delimiter));
    if (blankLines) lines.push('');
  }
  return lines.join(newline) + newline;
}

const BOM = '\uFEFF';
const files: Record<string, Buffer> = {
  'utf8-comma.csv': Buffer.from(delimited(','), 'utf8'),
  'utf8-bom-semicolon-crlf.csv': Buffer.from(BOM + delimited(';', '\r\n', true), 'utf8'),
  'utf8-pipe.csv': Buffer.from(delimited('|'), 'utf8'),
  'utf16le-bom-tab.tsv': iconv.encode(delimited('\t', '\r\n'), 'utf-16le', { addBOM: true }),
  'utf16be-bom-comma.csv': iconv.encode(delimited(','), 'utf-16be', { addBOM: true }),
  'windows-1252-semicolon.csv': iconv.encode(delimited(';', '\r\n'), 'windows-1252'),
  'gb18030-tab.tsv': iconv.encode(delimited('\t'), 'gb18030'),
  'records.ndjson': Buffer.from(
    ROWS.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '')))).join('\n') +
      '\n',
    'utf8',
  ),
};

// A system's own export: its own column names, Windows-1252, semicolons; legacy-crm.mapping.json maps it.
const EXPORT_COLUMNS: Record<string, (typeof COLUMNS)[number]> = {
  SYS: 'source_system',
  CUST_NO: 'source_record_id',
  FIRST_NM: 'given_name',
  LAST_NM: 'family_name',
  DOB: 'date_of_birth',
  EMAIL_ADDR: 'email',
  TEL: 'phone',
  ADDR1: 'address_line1',
  ADDR2: 'address_line2',
  CITY: 'locality',
  STATE: 'region',
  ZIP: 'postal_code',
  CNTRY: 'country',
};
const exportLines = [Object.keys(EXPORT_COLUMNS).join(';')];
for (const row of ROWS)
  exportLines.push(
    Object.values(EXPORT_COLUMNS)
      .map((c) => field(row[c], ';'))
      .join(';'),
  );
files['legacy-crm-export.csv'] = iconv.encode(exportLines.join('\r\n') + '\r\n', 'windows-1252');
files['legacy-crm.mapping.json'] = Buffer.from(
  JSON.stringify(
    { format: 'csv', encoding: 'windows-1252', delimiter: 'semicolon', columns: EXPORT_COLUMNS },
    null,
    2,
  ) + '\n',
);

mkdirSync(OUT, { recursive: true });
for (const [name, bytes] of Object.entries(files)) writeFileSync(OUT + name, bytes);
process.stdout.write(`wrote ${Object.keys(files).length} files to ${OUT}\n`);
