/**
 * The decisions of a chunk of new records, made in memory: each record, in chunk order, is scored
 * against the stored records of its blocks (read for the whole chunk at once) and against the
 * chunk's earlier records, then `decide` runs exactly as for a single upsert. Candidate selection
 * follows findCandidateRecords rule for rule — a block larger than maxBlockSize is skipped (its
 * size counting the chunk's earlier records), candidates rank by shared keys then newest id, at
 * most maxCandidates, dead or unassigned ones dropped after the cut — so a chunk decides what the
 * same records upserted one by one in that order would. Pure: no I/O.
 */
import type { BlockRecordRow } from '../../store/blocking-keys.js';
import { decide, type Decision, type ScoredCandidate } from './decide.js';
import { judgePair } from '../../match/index.js';
import type { ActiveModel } from '../matching/active-model.js';
import type { PreparedUpsert } from './prepare.js';
import type { MdmSettings } from '../context.js';

export interface StoredBlocks {
  /** Key → stored record ids (at most maxBlockSize + 1). */
  blocks: Map<string, number[]>;
  /** The stored records those blocks name. */
  rows: Map<number, BlockRecordRow>;
}

/** Where a candidate lives: a stored record, or an earlier record of the chunk (by position). */
export type CandidateRef = { stored: BlockRecordRow } | { chunk: number };

export interface ChunkDecision {
  decision: Decision;
  /** Customer the record ends in: a stored id, or a placeholder of a customer new in this chunk. */
  customerId: string;
  /** The best candidate behind an attach or review decision. */
  best?: CandidateRef;
}

/**
 * Placeholder ids of customers created in the chunk. They sort after every stored id ('~' > digits)
 * and among themselves in creation order, as the sequence's real ids will (decide breaks ties by id).
 */
export function placeholderId(n: number): string {
  return `C~${String(n).padStart(10, '0')}`;
}

export function isPlaceholder(id: string): boolean {
  return id.startsWith('C~');
}

/** Chunk records rank after every stored record (their ids will be larger), later ones first. */
const CHUNK_ID_BASE = 2 ** 52;

export function decideChunk(
  records: PreparedUpsert[],
  stored: StoredBlocks,
  active: ActiveModel,
  settings: Pick<
    MdmSettings,
    'matchMaxBlockSize' | 'matchMaxCandidates' | 'matchUpperThreshold' | 'matchLowerThreshold'
  >,
): ChunkDecision[] {
  const chunkBlocks = new Map<string, number[]>();
  const customerOf: string[] = [];
  const out: ChunkDecision[] = [];
  let created = 0;
  records.forEach((p, pos) => {
    const ranked = rankCandidates(p.keys, stored, chunkBlocks, settings);
    const refs = new Map<number, CandidateRef>();
    const scored: ScoredCandidate[] = [];
    for (const id of ranked) {
      const ref = candidateRef(id, stored);
      if (!ref) continue;
      refs.set(id, ref);
      const other = 'stored' in ref ? ref.stored : null;
      const mate = other ? null : (records[id - CHUNK_ID_BASE] as PreparedUpsert);
      scored.push({
        recordId: id,
        customerId: other ? (other.customer_id as string) : (customerOf[id - CHUNK_ID_BASE] as string),
        sourceSystem: other ? other.source_system : (mate as PreparedUpsert).ref.sourceSystem,
        sourceRecordId: other ? other.source_record_id : (mate as PreparedUpsert).ref.sourceRecordId,
        ...judgePair(active.model, p.std, other ? (other.std as PreparedUpsert['std']) : (mate as PreparedUpsert).std),
      });
    }
    const decision = decide({
      scored,
      currentCustomerId: null,
      stewardPairs: new Map(),
      separatedCustomers: new Set(),
      matchUpperThreshold: settings.matchUpperThreshold,
      matchLowerThreshold: settings.matchLowerThreshold,
    });
    const customerId = decision.kind === 'attach' ? decision.customerId : placeholderId(++created);
    customerOf.push(customerId);
    const best =
      decision.kind === 'attach' || decision.kind === 'review' ? refs.get(decision.best.recordId) : undefined;
    out.push({ decision, customerId, ...(best ? { best } : {}) });
    for (const k of p.keys) {
      const list = chunkBlocks.get(k);
      if (list) list.push(CHUNK_ID_BASE + pos);
      else chunkBlocks.set(k, [CHUNK_ID_BASE + pos]);
    }
  });
  return out;
}

/** Candidate ids (stored ids, or CHUNK_ID_BASE + position) in findCandidateRecords' order and cut. */
function rankCandidates(
  keys: string[],
  stored: StoredBlocks,
  chunkBlocks: Map<string, number[]>,
  settings: Pick<MdmSettings, 'matchMaxBlockSize' | 'matchMaxCandidates'>,
): number[] {
  if (settings.matchMaxCandidates <= 0) return [];
  const shared = new Map<number, number>();
  for (const k of new Set(keys)) {
    const a = stored.blocks.get(k) ?? [];
    const b = chunkBlocks.get(k) ?? [];
    if (a.length + b.length > settings.matchMaxBlockSize) continue;
    for (const id of a) shared.set(id, (shared.get(id) ?? 0) + 1);
    for (const id of b) shared.set(id, (shared.get(id) ?? 0) + 1);
  }
  return [...shared]
    .sort((x, y) => y[1] - x[1] || y[0] - x[0])
    .slice(0, settings.matchMaxCandidates)
    .map(([id]) => id);
}

function candidateRef(id: number, stored: StoredBlocks): CandidateRef | undefined {
  if (id >= CHUNK_ID_BASE) return { chunk: id - CHUNK_ID_BASE };
  const row = stored.rows.get(id);
  return row && row.live ? { stored: row } : undefined;
}
