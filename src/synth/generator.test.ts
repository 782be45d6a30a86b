import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCanonicalCsv } from '../io/canonical-csv.js';
import { DEFAULT_RATES, resolveRates, type GeneratorRates } from './config.js';
import { generateRecords, type GeneratedRecord } from './generator.js';
import { writeDataset } from './write-dataset.js';

function collect(customers: number, seed: string | number, rates: GeneratorRates = DEFAULT_RATES): GeneratedRecord[] {
  return [...generateRecords({ customers, seed, rates })];
}

const sample = collect(3000, 'test');
const has = (r: GeneratedRecord, prefix: string): boolean =>
  r.truth.corruptions.split(';').some((c) => c === prefix || c.startsWith(prefix + ':'));

describe('generateRecords', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = collect(200, 42);
    const b = collect(200, 42);
    const c = collect(200, 43);
    expect(a).toEqual(b);
    expect(a.map((r) => r.record.family_name)).not.toEqual(c.map((r) => r.record.family_name));
  });

  it('gives every record a unique (system, id) and its truth the same key', () => {
    const keys = new Set(sample.map((r) => `${r.record.source_system}|${r.record.source_record_id}`));
    expect(keys.size).toBe(sample.length);
    for (const r of sample) {
      expect(r.truth.source_system).toBe(r.record.source_system);
      expect(r.truth.source_record_id).toBe(r.record.source_record_id);
    }
  });

  it('puts each customer in 1–5 systems, at most twice per system, about 2.5 records per customer', () => {
    const bySystem = new Map<string, Map<string, number>>();
    for (const r of sample) {
      const m = bySystem.get(r.truth.entity_id) ?? new Map<string, number>();
      m.set(r.truth.source_system, (m.get(r.truth.source_system) ?? 0) + 1);
      bySystem.set(r.truth.entity_id, m);
    }
    for (const systems of bySystem.values()) {
      expect(systems.size).toBeGreaterThanOrEqual(1);
      expect(systems.size).toBeLessThanOrEqual(5);
      for (const n of systems.values()) expect(n).toBeLessThanOrEqual(2);
    }
    const perCustomer = sample.length / bySystem.size;
    expect(perCustomer).toBeGreaterThan(2.2);
    expect(perCustomer).toBeLessThan(2.9);
  });

  it('groups records by entity so that uncorrupted identifiers agree within and differ across entities', () => {
    const idOwner = new Map<string, string>();
    const dobOf = new Map<string, string>();
    for (const r of sample) {
      const { record, truth } = r;
      if (record.national_id) {
        const owner = idOwner.get(record.national_id);
        if (owner) expect(owner).toBe(truth.entity_id);
        idOwner.set(record.national_id, truth.entity_id);
      }
      if (record.date_of_birth && !has(r, 'dob_swap') && !has(r, 'dob_typo')) {
        const digits = record.date_of_birth.replace(/\D/g, '');
        const key = [...digits].sort().join(''); // order-free: formats differ by system
        const seen = dobOf.get(truth.entity_id);
        if (seen) expect(seen).toBe(key);
        dobOf.set(truth.entity_id, key);
      }
    }
    expect(idOwner.size).toBeGreaterThan(100);
  });

  it("keeps an entity's true attributes across its records: family name, address per version", () => {
    const family = new Map<string, string>();
    const postcode = new Map<string, string>();
    for (const r of sample) {
      const { record, truth } = r;
      if (truth.entity_type === 'person' && record.family_name && truth.corruptions === '') {
        const seen = family.get(truth.entity_id);
        if (seen) expect(record.family_name).toBe(seen);
        family.set(truth.entity_id, record.family_name);
      }
      if (record.postal_code && truth.address_version) {
        const key = `${truth.entity_id}|${truth.address_version}`;
        const seen = postcode.get(key);
        if (seen) expect(record.postal_code).toBe(seen);
        postcode.set(key, record.postal_code);
      }
    }
    const moved = sample.filter((r) => r.truth.address_version === '1');
    expect(moved.length).toBeGreaterThan(50);
    expect(moved.every((r) => r.truth.corruptions.split(';').includes('address_move'))).toBe(true);
  });

  it('records households: different entities sharing the first address of the household', () => {
    const members = new Map<string, Set<string>>();
    const homePostcode = new Map<string, Set<string>>();
    for (const r of sample) {
      const { household_id: household, entity_id: entity } = r.truth;
      const set = members.get(household) ?? new Set<string>();
      set.add(entity);
      members.set(household, set);
      // Only the first member may have moved alone (spouses move with them); children keep the first address.
      if (r.truth.address_version === '0' && r.record.postal_code && !r.truth.corruptions.includes('missing')) {
        const codes = homePostcode.get(household) ?? new Set<string>();
        codes.add(r.record.postal_code);
        homePostcode.set(household, codes);
      }
    }
    const households = [...members.values()].filter((s) => s.size > 1);
    expect(households.length).toBeGreaterThan(20);
    for (const [household, codes] of homePostcode) {
      if ((members.get(household)?.size ?? 0) > 1) expect(codes.size, household).toBe(1);
    }
  });

  it('applies corruptions at roughly the configured rates', () => {
    const { rates } = resolveRates({ case: 0.3, name_swap: 0 });
    const records = collect(2500, 'rates', rates);
    const share = (kind: string): number => records.filter((r) => has(r, kind)).length / records.length;
    // Case noise needs Latin letters: records written wholly in Hanzi cannot show it.
    const latin = records.filter((r) =>
      /[A-Za-z]/.test(r.record.full_name + r.record.given_name + r.record.organization_name + r.record.address_line1),
    );
    const caseShare = latin.filter((r) => has(r, 'case')).length / latin.length;
    expect(caseShare).toBeGreaterThan(0.26);
    expect(caseShare).toBeLessThan(0.34);
    expect(share('name_swap')).toBe(0);
    const dup = records.filter((r) => r.truth.duplicate === '1').length / records.length;
    expect(dup).toBeGreaterThan(0.025);
    expect(dup).toBeLessThan(0.075);
  });

  it('applies no record corruption when every corruption rate is zero', () => {
    const zero = Object.fromEntries(Object.keys(DEFAULT_RATES).map((k) => [k, 0]));
    const { rates } = resolveRates({ ...zero, organization: 0.2, household: 0.1 });
    const kinds = new Set(collect(800, 'zero', rates).flatMap((r) => r.truth.corruptions.split(';')));
    kinds.delete('');
    kinds.delete('translit:pinyin'); // a rendering of Hanzi names, not a rate-driven corruption
    expect([...kinds]).toEqual([]);
  });

  it('writes postcodes in each country format', () => {
    const patterns: Record<string, RegExp> = {
      au: /^(0[89]|[2-7]\d)\d{2}$/,
      us: /^\d{5}(-\d{4})?$/,
      uk: /^[A-Z]{1,2}\d{1,2} \d[ABD-HJLNP-UW-Z]{2}$/,
      cn: /^\d{6}$/,
    };
    for (const r of sample) {
      if (r.record.postal_code) expect(r.record.postal_code).toMatch(patterns[r.truth.locale] as RegExp);
    }
  });
});

describe('writeDataset', () => {
  it('writes canonical records and truth that read back one-to-one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ih-synth-'));
    const summary = await writeDataset(dir, { customers: 400, seed: 'files' });
    const ids: string[] = [];
    for await (const row of readCanonicalCsv(summary.recordsPath)) {
      if ('error' in row) throw new Error(row.error);
      ids.push(`${row.record.source_system}|${row.record.source_record_id}`);
    }
    const truthLines = readFileSync(summary.truthPath, 'utf8').trim().split('\n');
    expect(truthLines[0]).toBe(
      'source_system,source_record_id,entity_id,entity_type,locale,household_id,duplicate,address_version,corruptions',
    );
    const truthIds = truthLines.slice(1).map((l) => l.split(',').slice(0, 2).join('|'));
    expect(ids.length).toBe(summary.records);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(truthIds)).toEqual(new Set(ids));
  });
});
