/**
 * End-to-end quality floor: the whole matching path (standardise → block → compare → train by EM →
 * score → name-conflict guard → cluster), as the batch pipeline runs it, on the generated sample
 * fixture, scored against its truth with the evaluation metrics. The floor sits a little under the
 * measured figure, so a regression in any stage fails here.
 */
import { describe, expect, it } from 'vitest';
import { readCanonicalCsv } from '../../src/io/canonical-csv.js';
import {
  buildCandidatePairs,
  clusterPairs,
  compareBatch,
  compileModel,
  defaultModel,
  evaluateClusters,
  nameConflicts,
  probabilityOf,
  recordTfBits,
  scoreBatch,
  scorePair,
  trainModel,
} from '../../src/match/index.js';
import { standardizeOptions, standardizeRecord } from '../../src/standardize/index.js';
import type { RawRecord } from '../../src/standardize/types.js';

const DIR = new URL('../../fixtures/sample/', import.meta.url).pathname;
/** Measured 0.911 (precision 0.929) on this fixture, minus a margin; shared datasets: scripts/evaluate-all.sh. */
const F1_FLOOR = 0.89;
const key = (system: string, id: string) => `${system}\u0000${id}`;

async function readAll(path: string): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const row of readCanonicalCsv(path)) if ('record' in row) out.push(row.record);
  return out;
}

describe('end-to-end matching quality on fixtures/sample', () => {
  it('reaches the pairwise F1 floor with the one default configuration', async () => {
    const truthRows = await readAll(`${DIR}truth.csv`);
    const truth = new Map(truthRows.map((r) => [key(r.source_system, r.source_record_id), r.extra!.entity_id!]));
    const options = standardizeOptions({ defaultCountry: 'US', dateOrder: 'DMY' });
    const records = (await readAll(`${DIR}records.csv`)).map((r) => standardizeRecord(r, options).std);
    const candidates = buildCandidatePairs(records);
    const gamma = compareBatch(compileModel(defaultModel()).defs, records, candidates);
    const model = trainModel(records, candidates, gamma, { now: new Date('2026-01-01T00:00:00Z') });
    const cm = compileModel(model);
    const probability = scoreBatch(cm, gamma, candidates, recordTfBits(cm, records)).map(probabilityOf);
    const clustering = clusterPairs({
      records: records.length,
      left: candidates.left,
      right: candidates.right,
      probability,
      thresholds: model.thresholds,
      scoreCross: (i, j) => scorePair(model, records[i]!, records[j]!).probability,
      mergeBlocked: nameConflicts(cm, gamma, candidates),
    });
    const entities = records.map((r) => truth.get(key(r.sourceSystem, r.sourceRecordId)) ?? '');
    expect(entities.every((e) => e !== '')).toBe(true);
    const evaluation = evaluateClusters(Array.from(clustering.clusterOf, String), entities);
    expect(evaluation.pairwise.f1).toBeGreaterThanOrEqual(F1_FLOOR);
    expect(evaluation.pairwise.precision).toBeGreaterThanOrEqual(F1_FLOOR);
  }, 120_000);
});
