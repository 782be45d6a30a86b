/**
 * Property-based tests (fast-check) over the HTTP API and the standardiser, for inputs no one
 * thought of: arbitrary Unicode (NUL, lone surrogates, right-to-left marks, 10 kB values) and
 * arbitrary JSON shapes. The properties:
 * - the API answers every request with 2xx, or 4xx in the error envelope; never 5xx, never a hang;
 * - what was stored is what was sent (raw payload read back equal), or the answer says why not;
 * - the standardiser never throws or hangs, and a value it drops is named by a problem code.
 * Runs are few (the file must stay under ~30 s on a loaded machine); fast-check prints the seed of a
 * failure so it can be replayed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANONICAL_FIELDS, standardizeOptions, standardizeRecord } from '../../src/standardize/index.js';
import { cleanText } from '../../src/standardize/text.js';
import { STEWARD_KEY, startApi, type TestApi } from './support.js';

/** encodeURIComponent throws on a lone surrogate: send its invalid UTF-8 bytes (WTF-8) instead. */
function pathPart(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return `${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80`;
  }
}

const DATA_FIELDS = CANONICAL_FIELDS.filter((f) => f !== 'source_system' && f !== 'source_record_id');

/** Text with the characters that broke things: NUL, lone surrogates, RTL overrides, very long values. */
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u0000', 'A\u0000B', '\ud800', 'x\udfffy', '\u202eevil\u202c', 'مرحبا', '\ufeff', ' ', ''),
  fc.string({ unit: 'grapheme-ascii', minLength: 900, maxLength: 1100 }),
  fc.constant('z'.repeat(10_000)),
);

const recordBody = fc.record(
  Object.fromEntries(DATA_FIELDS.map((f) => [f, fc.option(nastyText, { nil: undefined })])) as Record<
    string,
    fc.Arbitrary<string | undefined>
  >,
  { requiredKeys: [] },
);

/** Text the database can store, so the stored-as-sent branch is exercised often. */
const storableText = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.constantFrom('\u202eevil\u202c', 'مرحبا', "O'Brien-Smith", '  x  '),
  )
  .filter((t) => storable(t));
const storableBody = fc.record(
  Object.fromEntries(DATA_FIELDS.map((f) => [f, fc.option(storableText, { nil: undefined })])) as Record<
    string,
    fc.Arbitrary<string | undefined>
  >,
  { requiredKeys: [] },
);

interface Envelope {
  error: string;
  message: string;
}

function expectEnvelope(status: number, body: string): void {
  expect(status, body).toBeLessThan(500);
  if (status >= 400) {
    const parsed = JSON.parse(body) as Envelope;
    expect(typeof parsed.error, body).toBe('string');
    expect(parsed.error, body).toMatch(/^IH_[A-Z_]+$/);
    expect(typeof parsed.message, body).toBe('string');
  }
}

function storable(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- NUL is what this looks for
  return !/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

describe('standardiser properties', () => {
  it('never throws or hangs; a dropped annual value is named by a problem', () => {
    const options = standardizeOptions({ defaultCountry: 'AU', dateOrder: 'DMY' });
    fc.assert(
      fc.property(recordBody, (fields) => {
        const started = performance.now();
        const { std, problems } = standardizeRecord(
          { source_system: 'crm', source_record_id: '1', ...fields },
          options,
        );
        expect(performance.now() - started).toBeLessThan(2_000);
        if (std.annualValue !== null) expect(Number.isFinite(std.annualValue)).toBe(true);
        // Control characters are removed by the standardiser (cleanText): only what is left counts.
        const sent = cleanText(fields['annual_value'] ?? '');
        if (sent !== '' && std.annualValue === null) {
          expect(problems.some((p) => p.field === 'annual_value' || p.field === 'record')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('HTTP API properties', () => {
  let api: TestApi;
  let crm = '';
  let n = 0;
  let stored200 = 0;

  beforeAll(async () => {
    api = await startApi('pglite');
    crm = await api.addSystem('crm', 10);
  });
  afterAll(() => api?.close());

  it('an arbitrary record is stored exactly as sent, or refused with a 4xx envelope', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(storableBody, recordBody),
        fc.oneof(
          fc.dictionary(storableText, storableText, { maxKeys: 3 }),
          fc.dictionary(nastyText, nastyText, { maxKeys: 3 }),
        ),
        async (fields, extra) => {
          const id = `p${(n += 1)}`;
          const body = { ...fields, ...(Object.keys(extra).length ? { extra } : {}) };
          const res = await api.call('PUT', `/v1/records/crm/${id}`, crm, body);
          expectEnvelope(res.statusCode, res.body);
          if (res.statusCode >= 400) return;
          const everything = [...Object.values(fields), ...Object.keys(extra), ...Object.values(extra)];
          expect(everything.every((v) => v === undefined || storable(v))).toBe(true);
          const stored = await api.call('GET', `/v1/records/crm/${id}`, crm);
          expect(stored.statusCode).toBe(200);
          const raw = stored.json().raw as Record<string, unknown>;
          for (const [k, v] of Object.entries(fields)) if (v !== undefined) expect(raw[k]).toBe(v);
          if (Object.keys(extra).length) expect(raw['extra']).toEqual(extra);
          stored200 += 1;
        },
      ),
      { numRuns: 40 },
    );
    // The stored-as-sent branch must actually run, not only the refusals.
    expect(stored200).toBeGreaterThan(5);
  }, 60_000);

  it('arbitrary JSON bodies and path ids on every write and read route: never a 5xx', async () => {
    const routes: Array<(body: unknown, text: string) => Promise<{ statusCode: number; body: string }>> = [
      (body) => api.call('PUT', '/v1/records/crm/shape', crm, body),
      (body) => api.call('POST', '/v1/records:batch', crm, body),
      (body) => api.call('POST', '/v1/records:batch', crm, { records: [body] }),
      (body) => api.call('POST', '/v1/match', crm, body),
      (body) => api.call('POST', '/v1/match', crm, { record: body }),
      (body) => api.call('POST', '/v1/customers/C0000000001/merge', STEWARD_KEY, body),
      (body) => api.call('POST', '/v1/review-tasks/1/decision', STEWARD_KEY, body),
      (_b, text) => api.call('GET', `/v1/xref/crm/${pathPart(text)}`, crm),
      (_b, text) => api.call('GET', `/v1/records/crm/${pathPart(text)}`, crm),
      (_b, text) => api.call('GET', `/v1/customers?name=${pathPart(text)}`, crm),
      (_b, text) => api.call('GET', `/v1/customers/${pathPart(text)}/history?beforeId=${pathPart(text)}`, crm),
      (_b, text) => api.call('DELETE', `/v1/records/crm/${pathPart(text)}?reason=${pathPart(text)}`, crm),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: routes.length - 1 }),
        fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 })),
        nastyText.filter((t) => t.length > 0 && t.length < 300),
        async (route, body, text) => {
          const res = await (routes[route] as (typeof routes)[number])(body, text);
          expectEnvelope(res.statusCode, res.body);
        },
      ),
      { numRuns: 120 },
    );
  }, 60_000);
});
