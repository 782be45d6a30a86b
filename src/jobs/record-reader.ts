/**
 * The import job's view of a source file: the one reader of src/io (encodings, delimiters, column
 * mappings, physical line numbers) with the job's options. A bad row comes out as an error row and
 * the stream goes on, so one bad line never stops an import. Counts bytes read for progress.
 */
import { openSourceFile, type SourceFile, type SourceReadOptions } from '../io/source-reader.js';

export type { SourceRow } from '../io/source-reader.js';
export type RecordFile = SourceFile;
export type OpenRecordFileOptions = SourceReadOptions;

export function openRecordFile(path: string, opts: OpenRecordFileOptions = {}): Promise<RecordFile> {
  return openSourceFile(path, opts);
}
