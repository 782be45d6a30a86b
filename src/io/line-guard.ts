/**
 * A stream stage that refuses lines longer than a limit. A line-oriented reader buffers until it
 * sees a newline: fed `/dev/zero` or a binary file with none, it buffered for ever (an import ran at
 * 60 % CPU until killed). With this in front it fails with a clear error once a line passes the
 * limit. CSV fields may hold newlines, so the limit is per physical line, not per record.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { ReaderError } from './reader-error.js';

/** 1 MiB: a canonical record is a few hundred bytes; no real line comes near this. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** A ReaderError: the file cannot be read as records, and retrying will not change that. */
export class LineTooLongError extends ReaderError {
  constructor(
    readonly line: number,
    readonly limit: number,
  ) {
    super(`line ${line} is longer than ${limit} bytes (no line break found): not a canonical CSV/NDJSON file`);
  }
}

export function lineGuard(limit = MAX_LINE_BYTES): Transform {
  let sinceNewline = 0;
  let line = 1;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      let start = 0;
      for (let i = chunk.indexOf(10, start); i !== -1; i = chunk.indexOf(10, start)) {
        if (sinceNewline + (i - start) > limit) return callback(new LineTooLongError(line, limit));
        sinceNewline = 0;
        line += 1;
        start = i + 1;
      }
      sinceNewline += chunk.length - start;
      if (sinceNewline > limit) return callback(new LineTooLongError(line, limit));
      callback(null, chunk);
    },
  });
}
