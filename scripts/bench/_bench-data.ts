/**
 * Records for the API benchmark from the project's generator (src/synth, what `npm run cli --
 * generate` writes), consumed in customer order: each group is the records of one true customer,
 * so a bulk load can cluster them by truth. Deterministic for a seed.
 */
import type { RawRecord } from '../../src/standardize/types.js';
import { generateRecords } from '../../src/synth/generator.js';

/** Records are ≈ 2.5 per customer; ask for enough customers that the stream never runs dry. */
export function* customerGroups(records: number, seed = 'bench-api'): Generator<RawRecord[]> {
  let group: RawRecord[] = [];
  let entity = '';
  for (const { record, truth } of generateRecords({ customers: Math.ceil(records / 1.5) + 1000, seed })) {
    if (truth.entity_id !== entity && group.length > 0) {
      yield group;
      group = [];
    }
    entity = truth.entity_id;
    group.push(record);
  }
  if (group.length > 0) yield group;
}
