/**
 * A multipart upload for an import job: the file part is streamed to DATA_DIR/uploads under a fresh
 * name (never the client's, which could hold a path), and the other form fields become the payload.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../errors.js';

/**
 * `limit` is UPLOAD_LIMIT (a million canonical records is ~250 MB). A body that ends before the
 * multipart closes (client gone, proxy cut) is a 400 and the partial file is removed: it once
 * surfaced as a 500 and left the fragment behind.
 */
export async function saveUpload(
  request: FastifyRequest,
  uploadDir: string,
  limit: number,
): Promise<Record<string, unknown>> {
  const part = await request.file({ limits: { fileSize: limit, files: 1 } }).catch(cutShort);
  if (!part)
    throw new AppError('IH_VALIDATION', 'multipart body has no file part', {
      details: [{ path: 'body/file', reason: 'is required' }],
    });
  await mkdir(uploadDir, { recursive: true });
  const ext = extname(part.filename).toLowerCase();
  const path = join(uploadDir, `${randomUUID()}${/^\.(csv|ndjson|jsonl|json)$/.test(ext) ? ext : '.csv'}`);
  try {
    await pipeline(part.file, createWriteStream(path));
  } catch (err) {
    await rm(path, { force: true });
    // @fastify/multipart ends the file stream with its own 413 error when throwFileSizeLimit is on.
    if ((err as { statusCode?: number }).statusCode === 413) throw new AppError('IH_PAYLOAD_TOO_LARGE', String(limit));
    return cutShort(err);
  }
  if (part.file.truncated) {
    await rm(path, { force: true });
    throw new AppError('IH_PAYLOAD_TOO_LARGE', String(limit));
  }
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

function cutShort(err: unknown): never {
  if (err instanceof AppError) throw err;
  const status = (err as { statusCode?: number }).statusCode;
  if (status === 413) throw err as Error;
  throw new AppError('IH_VALIDATION', 'body/file the multipart upload ended early or is malformed', {
    details: [{ path: 'body/file', reason: 'the multipart upload ended early or is malformed' }],
    cause: err,
  });
}
