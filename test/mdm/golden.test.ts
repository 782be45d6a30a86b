import { describe, expect, it } from 'vitest';
import { computeGolden, searchNameOf } from '../../src/mdm/golden/golden.js';
import { goldenInput } from './std-factory.js';

const ranks: Record<string, number> = { erp: 10, crm: 50, web: 90 };
const trustOf = (s: string): number => ranks[s] ?? 1000;

describe('computeGolden survivorship', () => {
  it('prefers the more trusted source even when another is newer', () => {
    const golden = computeGolden(
      [
        goldenInput('web', 'w1', { email: 'new@x.com' }, '2026-03-01T00:00:00Z'),
        goldenInput('erp', 'e1', { email: 'old@x.com' }, '2025-01-01T00:00:00Z'),
      ],
      trustOf,
    );
    expect(golden.email).toEqual({ value: 'old@x.com', sourceSystem: 'erp', sourceRecordId: 'e1', rule: 'trust' });
  });

  it('falls back to recency between equally trusted sources', () => {
    const golden = computeGolden(
      [
        goldenInput('crm', 'a', { phone: '+61411111111' }, '2025-01-01T00:00:00Z'),
        goldenInput('crm', 'b', { phone: '+61422222222' }, '2026-01-01T00:00:00Z'),
      ],
      trustOf,
    );
    expect(golden.phone?.value).toBe('+61422222222');
    expect(golden.phone?.rule).toBe('recency');
    expect(golden.phone?.sourceRecordId).toBe('b');
  });

  it('uses frequency when trust and time tie, then completeness', () => {
    const t = '2026-01-01T00:00:00Z';
    const freq = computeGolden(
      [
        goldenInput('crm', 'a', { dateOfBirth: '1980-01-02' }, t),
        goldenInput('crm', 'b', { dateOfBirth: '1980-02-01' }, t),
        goldenInput('crm', 'c', { dateOfBirth: '1980-02-01' }, t),
      ],
      trustOf,
    );
    expect(freq.dateOfBirth?.value).toBe('1980-02-01');
    expect(freq.dateOfBirth?.rule).toBe('frequency');

    const comp = computeGolden(
      [
        goldenInput('crm', 'a', { gender: 'm' }, t),
        goldenInput('crm', 'b', { gender: 'f', email: 'x@y.z', phone: '+15551234567' }, t),
      ],
      trustOf,
    );
    expect(comp.gender?.value).toBe('f');
    expect(comp.gender?.rule).toBe('completeness');
  });

  it('never lets an initial win over the name it abbreviates, however recent or trusted', () => {
    const golden = computeGolden(
      [
        goldenInput('crm', 'old', { givenName: 'mitchell', familyName: 'smith' }, '2024-01-01T00:00:00Z'),
        goldenInput('erp', 'new', { givenName: 'm', familyName: 'smith' }, '2026-01-01T00:00:00Z'),
      ],
      trustOf,
    );
    expect(golden.givenName?.sourceRecordId).toBe('old');
    expect(golden.displayName?.sourceRecordId).toBe('old');
    // A different name is not an abbreviation: trust decides as usual.
    const other = computeGolden(
      [
        goldenInput('crm', 'old', { givenName: 'mitchell', familyName: 'smith' }, '2024-01-01T00:00:00Z'),
        goldenInput('erp', 'new', { givenName: 'mick', familyName: 'smith' }, '2026-01-01T00:00:00Z'),
      ],
      trustOf,
    );
    expect(other.givenName?.sourceRecordId).toBe('new');
  });

  it('says single / consensus when nothing competed', () => {
    const golden = computeGolden(
      [
        goldenInput('crm', 'a', { nationalId: 'AB123' }, '2025-01-01T00:00:00Z'),
        goldenInput('web', 'b', { email: 'same@x.com' }, '2025-01-01T00:00:00Z'),
        goldenInput('crm', 'c', { email: 'same@x.com' }, '2024-01-01T00:00:00Z'),
      ],
      trustOf,
    );
    expect(golden.nationalId?.rule).toBe('single');
    expect(golden.email).toMatchObject({ value: 'same@x.com', rule: 'consensus', sourceSystem: 'crm' });
    expect(golden.phone).toBeUndefined();
  });

  it('keeps an address whole from one record and shows names as sent', () => {
    const golden = computeGolden(
      [
        goldenInput(
          'crm',
          'a',
          { addressLine: '12 smith st', postalCode: '2000', country: 'AU', givenName: 'jose', familyName: 'garcia' },
          '2025-01-01T00:00:00Z',
          { address_line1: '12 Smith Street', given_name: 'José', family_name: 'García' },
        ),
        goldenInput('web', 'b', { locality: 'melbourne', postalCode: '3000' }, '2026-01-01T00:00:00Z'),
      ],
      trustOf,
    );
    expect(golden.address?.value).toEqual({
      line1: '12 Smith Street',
      line2: null,
      locality: null,
      region: null,
      postalCode: '2000',
      country: 'AU',
    });
    expect(golden.address?.sourceRecordId).toBe('a');
    expect(golden.givenName?.value).toBe('José');
    expect(golden.familyName?.value).toBe('García');
  });

  it('builds a folded search name from the display-name winner', () => {
    const recs = [
      goldenInput(
        'crm',
        'a',
        { givenName: 'jose', familyName: 'garcia', displayName: 'José García' },
        '2025-01-01T00:00:00Z',
      ),
    ];
    const golden = computeGolden(recs, trustOf);
    expect(golden.displayName?.value).toBe('José García');
    expect(searchNameOf(recs, golden)).toBe('jose garcia');
  });

  it('gives an empty person record for no records', () => {
    expect(computeGolden([], trustOf)).toEqual({ entityType: 'person' });
  });
});
