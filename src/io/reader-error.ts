/**
 * A source file the reader cannot read at all (unknown encoding, a header without canonical columns,
 * a bad mapping file). Row-level problems are never thrown: they come out as bad rows.
 */
export class ReaderError extends Error {
  override readonly name = 'ReaderError';
}
