/**
 * Bytes → physical text lines, for any encoding a source export comes in. Detection: a byte-order
 * mark is certain and wins; else a declared encoding (--encoding, the job option, the mapping file);
 * else the start of the file must be strict UTF-8, or the reader refuses it and asks for a
 * declaration (guessing a legacy code page silently would corrupt names). Characters are never
 * replaced in silence: a line with undecodable bytes (U+FFFD after decoding) is marked bad and
 * becomes a bad row with its line number. Streaming: only the current chunk is held in memory.
 */
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { ReaderError } from './reader-error.js';

export interface TextLine {
  /** Physical line number, 1-based. */
  line: number;
  text: string;
  /** Set when the line held bytes the encoding cannot decode. */
  undecodable?: true;
}

export interface DetectedEncoding {
  encoding: string;
  /** Bytes of the byte-order mark to skip. */
  bomLength: number;
  /** How the encoding was chosen: bom, declared or utf-8 (strict check of the first bytes). */
  source: 'bom' | 'declared' | 'utf-8';
}

/** Bytes sniffed at the start of a file for the strict UTF-8 check and the header line. */
export const SNIFF_BYTES = 64 * 1024;

/** Canonical name of an encoding iconv-lite knows (windows-1252, gb18030, gbk, latin1, ...), or an error. */
export function normalizeEncoding(name: string): string {
  const lower = name.trim().toLowerCase();
  const alias: Record<string, string> = {
    utf8: 'utf-8',
    cp1252: 'windows-1252',
    utf16le: 'utf-16le',
    utf16be: 'utf-16be',
  };
  const canonical = alias[lower] ?? lower;
  if (!iconv.encodingExists(canonical)) {
    throw new ReaderError(
      `unknown encoding "${name}" (accepted: utf-8, utf-16le, utf-16be, windows-1252, gb18030, gbk, latin1 and the other iconv-lite encodings)`,
    );
  }
  return canonical;
}

/** Chooses the encoding of a file from its first bytes and an optional declaration. */
export function detectEncoding(sample: Buffer, fileIsLonger: boolean, declared?: string): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3, source: 'bom' };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, source: 'bom' };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, source: 'bom' };
  if (declared) return { encoding: normalizeEncoding(declared), bomLength: 0, source: 'declared' };
  // A full sample may end inside a character: check only its complete lines.
  const end = fileIsLonger ? sample.lastIndexOf(0x0a) + 1 : sample.length;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end > 0 ? end : sample.length - 3));
  } catch {
    const at = firstInvalidUtf8Line(sample.subarray(0, end > 0 ? end : sample.length));
    throw new ReaderError(
      `the file is not UTF-8 (undecodable bytes on line ${at}) and has no byte-order mark: declare its encoding (--encoding windows-1252, gb18030, ...)`,
    );
  }
  return { encoding: 'utf-8', bomLength: 0, source: 'utf-8' };
}

function firstInvalidUtf8Line(bytes: Buffer): number {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  while (start < bytes.length) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl;
    try {
      strict.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    line += 1;
    start = end + 1;
  }
  return line;
}

/** Reads the first bytes of a file (for detection) and reports whether the file goes on. */
export async function readSample(path: string): Promise<{ sample: Buffer; fileIsLonger: boolean }> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { sample: buffer.subarray(0, Math.min(bytesRead, SNIFF_BYTES)), fileIsLonger: bytesRead > SNIFF_BYTES };
  } finally {
    await handle.close();
  }
}

interface StreamDecoder {
  write(bytes: Buffer): string;
  end(): string;
}

function streamDecoder(encoding: string): StreamDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    // Not fatal: a bad byte becomes U+FFFD, which marks its line bad below instead of ending the file.
    const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
    return { write: (b) => decoder.decode(b, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return { write: (b) => decoder.write(b), end: () => decoder.end() ?? '' };
}

/** Decodes a byte stream into physical lines (\n or \r\n), each marked when it held undecodable bytes. */
export async function* decodeLines(chunks: AsyncIterable<Buffer>, encoding: string): AsyncGenerator<TextLine> {
  const decoder = streamDecoder(encoding);
  let rest = '';
  let line = 0;
  const emit = (text: string): TextLine => {
    line += 1;
    const clean = text.endsWith('\r') ? text.slice(0, -1) : text;
    // U+FFFD is what every decoder writes for bytes it cannot decode (a U+FFFD already in the data
    // means characters were lost upstream: the row is reported as well).
    return clean.includes('\uFFFD') ? { line, text: clean, undecodable: true } : { line, text: clean };
  };
  for await (const chunk of chunks) {
    const text = rest + decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      yield emit(text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.end();
  if (rest !== '') {
    const lines = rest.split('\n');
    for (const text of lines) yield emit(text);
  }
}
