/**
 * Record-wide noise applied after a record is written: typos and OCR errors in one text field,
 * case and whitespace noise, and one field left empty. Each change is recorded with the field.
 */
import { roll, type Ctx, type SynthRecord } from './draft.js';
import type { CanonicalField } from '../standardize/types.js';
import { ocrConfusion, typo, whitespaceNoise } from './text-noise.js';

const TEXT_FIELDS: readonly CanonicalField[] = [
  'given_name',
  'family_name',
  'full_name',
  'organization_name',
  'address_line1',
  'locality',
  'email',
];
const NAME_ADDRESS_FIELDS: readonly CanonicalField[] = [
  'full_name',
  'given_name',
  'middle_name',
  'family_name',
  'organization_name',
  'address_line1',
  'address_line2',
  'locality',
];
/** Fields that may go missing; names stay so that every record still says who it is about. */
const MISSABLE: readonly CanonicalField[] = [
  'phone',
  'email',
  'date_of_birth',
  'address_line1',
  'locality',
  'postal_code',
  'region',
  'national_id',
  'gender',
];

/** A present field of `fields`, or null. Starts at a random offset so every field gets its turn. */
function pickPresent(ctx: Ctx, rec: SynthRecord, fields: readonly CanonicalField[]): CanonicalField | null {
  const start = ctx.rng.int(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[(start + i) % fields.length] as CanonicalField;
    if (rec[f] !== '') return f;
  }
  return null;
}

function mutateOne(ctx: Ctx, rec: SynthRecord, kind: string, change: (text: string) => string): void {
  const field = pickPresent(ctx, rec, TEXT_FIELDS);
  if (!field) return;
  const next = change(rec[field]);
  if (next !== rec[field]) {
    rec[field] = next;
    ctx.corruptions.push(`${kind}:${field}`);
  }
}

export function applyRecordNoise(ctx: Ctx, rec: SynthRecord): void {
  if (roll(ctx, 'typo')) mutateOne(ctx, rec, 'typo', (t) => typo(ctx.rng, t));
  if (roll(ctx, 'ocr')) mutateOne(ctx, rec, 'ocr', (t) => ocrConfusion(ctx.rng, t));
  if (roll(ctx, 'case')) {
    const upper = ctx.rng.chance(0.6);
    let changed = false; // Hanzi has no case: label only what really changed
    for (const f of NAME_ADDRESS_FIELDS) {
      if (rec[f] === '') continue;
      const next = upper ? rec[f].toUpperCase() : rec[f].toLowerCase();
      if (next !== rec[f]) changed = true;
      rec[f] = next;
    }
    if (changed) ctx.corruptions.push(upper ? 'case:upper' : 'case:lower');
  }
  if (roll(ctx, 'whitespace')) {
    const field = pickPresent(ctx, rec, NAME_ADDRESS_FIELDS);
    if (field) {
      rec[field] = whitespaceNoise(ctx.rng, rec[field]);
      ctx.corruptions.push(`whitespace:${field}`);
    }
  }
  if (roll(ctx, 'missing')) {
    const field = pickPresent(ctx, rec, MISSABLE);
    if (field) {
      rec[field] = '';
      ctx.corruptions.push(`missing:${field}`);
    }
  }
}
