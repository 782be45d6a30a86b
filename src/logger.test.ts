import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, genReqId, wantsPrettyLogs, MASK, maskPersonalData, maskQueryValues } from './logger.js';
import type { IncomingMessage } from 'node:http';

function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>>; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const text = (): string => chunks.join('');
  return {
    stream,
    text,
    lines: () =>
      text()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('logger', () => {
  it('masks personal fields at any depth, in snake and camel case', () => {
    const out = capture();
    const log = createLogger('info', out.stream);
    log.info(
      {
        customerId: 'c_1',
        body: {
          records: [{ source_system: 'crm', given_name: 'Alice', familyName: 'Smith', email: 'a@x.io' }],
          nested: { deeper: { date_of_birth: '1990-01-02', phone: '+61 2 9999 0000', address_line1: '1 Main St' } },
        },
      },
      'ingested',
    );
    const text = out.text();
    for (const secret of ['Alice', 'Smith', 'a@x.io', '1990-01-02', '9999', 'Main St'])
      expect(text).not.toContain(secret);
    const line = out.lines()[0] as { customerId: string; body: { records: Array<Record<string, string>> } };
    expect(line.customerId).toBe('c_1');
    expect(line.body.records[0]).toEqual({ source_system: 'crm', given_name: MASK, familyName: MASK, email: MASK });
  });

  it('removes credentials from headers and personal values from error details', () => {
    const out = capture();
    const log = createLogger('info', out.stream);
    const err = Object.assign(new Error('duplicate key'), { detail: 'Key (email)=(bob@x.io) already exists' });
    log.error({ req: { headers: { authorization: 'Bearer ihk_secret' } }, err }, 'failed');
    expect(out.text()).not.toContain('ihk_secret');
    expect(out.text()).not.toContain('bob@x.io');
    expect(out.text()).toContain('duplicate key');
  });

  it('does not mutate what it masks', () => {
    const input = { email: 'a@b.c', list: [{ phone: '1' }] };
    expect(maskPersonalData(input)).toEqual({ email: MASK, list: [{ phone: MASK }] });
    expect(input).toEqual({ email: 'a@b.c', list: [{ phone: '1' }] });
  });

  it('masks query values but keeps the path and parameter names', () => {
    expect(maskQueryValues('/v1/customers/search?name=Jo%20Li&limit=5')).toBe(
      `/v1/customers/search?name=${MASK}&limit=${MASK}`,
    );
    expect(maskQueryValues('/health/live')).toBe('/health/live');
  });

  it('keeps a well-formed incoming request id and replaces a suspicious one', () => {
    const req = (id?: string): IncomingMessage =>
      ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as IncomingMessage;
    expect(genReqId(req('abc-123'))).toBe('abc-123');
    expect(genReqId(req('bad id\nforged log line'))).toMatch(/^[0-9a-f-]{36}$/);
    expect(genReqId(req())).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is pretty on a terminal, JSON otherwise, unless LOG_FORMAT says', () => {
    expect(wantsPrettyLogs(true, 'auto')).toBe(true);
    expect(wantsPrettyLogs(undefined, 'auto')).toBe(false);
    expect(wantsPrettyLogs(true, 'json')).toBe(false);
    expect(wantsPrettyLogs(false, 'pretty')).toBe(true);
  });
});
