import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CANONICAL_FIELDS } from '../standardize/types.js';
import { CliError } from './cli-error.js';
import { run } from './generate.js';

const root = mkdtempSync(join(tmpdir(), 'ih-generate-'));

async function generate(dir: string, ...extra: string[]): Promise<Record<string, unknown>> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    const code = await run(['--customers', '300', '--out', join(root, dir), '--quiet', ...extra]);
    expect(code).toBe(0);
    return JSON.parse(String(out.mock.calls.at(-1)?.[0])) as Record<string, unknown>;
  } finally {
    out.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('generate command', () => {
  it('writes canonical records and truth, byte-identical for the same seed', async () => {
    const a = await generate('a', '--seed', 'same');
    await generate('b', '--seed', 'same');
    await generate('c', '--seed', 'other');
    const read = (dir: string, file: string): string => readFileSync(join(root, dir, file), 'utf8');
    expect(read('a', 'records.csv').split('\n')[0]).toBe(CANONICAL_FIELDS.join(','));
    expect(read('a', 'records.csv')).toBe(read('b', 'records.csv'));
    expect(read('a', 'truth.csv')).toBe(read('b', 'truth.csv'));
    expect(read('a', 'records.csv')).not.toBe(read('c', 'records.csv'));
    expect(a.records).toBe(read('a', 'records.csv').trim().split('\n').length - 1);
  });

  it('honours --locale and rate overrides', async () => {
    await generate('uk', '--locale', 'uk', '--rate', 'case=0', '--rate', 'typo=1');
    const truth = readFileSync(join(root, 'uk', 'truth.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    expect(truth.every((line) => line.split(',')[4] === 'uk')).toBe(true);
    expect(truth.some((line) => line.includes('case:'))).toBe(false);
    expect(truth.filter((line) => line.includes('typo:')).length / truth.length).toBeGreaterThan(0.8);
  });

  it('--profile registry: one system, ~99 % singletons, duplicates are movers and name changes, no email', async () => {
    const summary = await generate('registry', '--profile', 'registry', '--customers', '3000', '--seed', 'r');
    expect(summary).toMatchObject({ profile: 'registry', locale: 'us' });
    const lines = (file: string) =>
      readFileSync(join(root, 'registry', file), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','));
    const truth = lines('truth.csv');
    const perEntity = new Map<string, number>();
    for (const t of truth) perEntity.set(t[2]!, (perEntity.get(t[2]!) ?? 0) + 1);
    const singletons = [...perEntity.values()].filter((n) => n === 1).length / perEntity.size;
    expect(singletons).toBeGreaterThan(0.97);
    expect(singletons).toBeLessThan(1);
    expect(truth.every((t) => t[0] === 'registry' && t[3] === 'person')).toBe(true);
    const repeated = truth.filter((t) => t[6] === '1');
    expect(repeated.filter((t) => /address_move|name_change/.test(t[8]!)).length / repeated.length).toBeGreaterThan(
      0.5,
    );
    const email = CANONICAL_FIELDS.indexOf('email');
    expect(lines('records.csv').every((r) => r[email] === '')).toBe(true);
    await expect(run(['--customers', '5', '--out', join(root, 'x'), '--profile', 'voters'])).rejects.toThrow(/profile/);
  });

  it('fails cleanly when the output cannot be written', async () => {
    const dir = join(root, 'blocked');
    mkdirSync(join(dir, 'records.csv'), { recursive: true }); // a folder where the file should go
    await expect(run(['--customers', '50', '--out', dir, '--quiet'])).rejects.toThrow(/EISDIR/);
  });

  it('rejects bad options with a usage error', async () => {
    await expect(run(['--out', join(root, 'x')])).rejects.toBeInstanceOf(CliError);
    await expect(run(['--customers', '5', '--out', join(root, 'x'), '--locale', 'fr'])).rejects.toThrow(/locale/);
    await expect(run(['--customers', '5', '--out', join(root, 'x'), '--rate', 'typo=2'])).rejects.toThrow(/\[0, 1\]/);
    await expect(run(['--customers', '5', '--out', join(root, 'x'), '--rate', 'bogus=0.1'])).rejects.toThrow(
      /unknown rate/,
    );
  });
});
