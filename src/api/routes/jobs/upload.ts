/**
 * A multipart upload for an import job: the file part is streamed to DATA_DIR/uploads under a fresh
 * name (never the client's, which could hold a path), and the other form fields become the payload.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../errors.js';

/** Largest uploaded file (a million canonical records is ~250 MB). */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

export async function saveUpload(request: FastifyRequest, uploadDir: string): Promise<Record<string, unknown>> {
  const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  if (!part)
    throw new AppError('IH_VALIDATION', 'multipart body has no file part', {
      details: [{ path: 'body/file', reason: 'is required' }],
    });
  await mkdir(uploadDir, { recursive: true });
  const ext = extname(part.filename).toLowerCase();
  const path = join(uploadDir, `${randomUUID()}${/^\.(csv|ndjson|jsonl|json)$/.test(ext) ? ext : '.csv'}`);
  await pipeline(part.file, createWriteStream(path));
  if (part.file.truncated) throw new AppError('IH_PAYLOAD_TOO_LARGE', String(MAX_UPLOAD_BYTES));
  const payload: Record<string, unknown> = { path };
  for (const [name, field] of Object.entries(part.fields)) {
    const value = Array.isArray(field) ? field[0] : field;
    if (value && value.type === 'field' && name !== 'path') {
      payload[name] =
        name === 'chunkSize' ? Number(value.value) : name === 'registerSystems' ? value.value === 'true' : value.value;
    }
  }
  return payload;
}
