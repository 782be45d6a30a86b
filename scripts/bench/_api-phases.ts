/** The two autocannon phases of the API benchmark (see api.ts): PUT upserts and GET xref. */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { RecordRef } from '../../src/mdm/index.js';
import type { RawRecord } from '../../src/standardize/types.js';

interface CannonResult {
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
interface CannonRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface PhaseOptions {
  address: string;
  key: string;
  duration: number;
  connections: number;
}

export async function benchUpserts(o: PhaseOptions, pool: RawRecord[]) {
  process.stderr.write(`[bench api] PUT /v1/records for ${o.duration}s with ${o.connections} connections\n`);
  // A run tag keeps ids new on a reused database, so no request takes the "unchanged" shortcut.
  const tag = randomBytes(3).toString('hex');
  let i = 0;
  const cpu = process.cpuUsage();
  const result = await autocannon({
    url: o.address,
    connections: o.connections,
    duration: o.duration,
    requests: [
      {
        method: 'PUT',
        setupRequest: (req: CannonRequest) => {
          const { source_system: system, source_record_id: id, ...body } = pool[i % pool.length]!;
          const path = `/v1/records/${system}/${encodeURIComponent(`${id}-${tag}-${Math.floor(i / pool.length)}`)}`;
          i += 1;
          const headers = { authorization: `Bearer ${o.key}`, 'content-type': 'application/json' };
          return { ...req, path, body: JSON.stringify(body), headers };
        },
      },
    ],
  });
  return summarize(result, process.cpuUsage(cpu));
}

export async function benchXref(o: PhaseOptions, refs: RecordRef[]) {
  process.stderr.write(`[bench api] GET /v1/xref for ${o.duration}s with ${o.connections} connections\n`);
  const cpu = process.cpuUsage();
  const result = await autocannon({
    url: o.address,
    connections: o.connections,
    duration: o.duration,
    requests: [
      {
        method: 'GET',
        setupRequest: (req: CannonRequest) => {
          const r = refs[Math.floor(Math.random() * refs.length)]!;
          const path = `/v1/xref/${r.sourceSystem}/${encodeURIComponent(r.sourceRecordId)}`;
          return { ...req, path, headers: { authorization: `Bearer ${o.key}` } };
        },
      },
    ],
  });
  return summarize(result, process.cpuUsage(cpu));
}

/**
 * `nodeCpuMsPerRequest`: CPU time of this process (server and autocannon client together, since
 * both run here) per request. Unlike latency it hardly depends on how busy the shared machine is,
 * so it says what a request costs on the Node side when the latencies are CPU-starved.
 */
function summarize(r: CannonResult, cpu: NodeJS.CpuUsage) {
  return {
    requests: r.requests.total,
    perSecond: round(r.requests.total / Math.max(r.duration, 1e-9)),
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    seconds: r.duration,
    nodeCpuMsPerRequest: round((cpu.user + cpu.system) / 1000 / Math.max(r.requests.total, 1)),
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
