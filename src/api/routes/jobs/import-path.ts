/**
 * Server-side import paths (`POST /v1/jobs/import` with `{ "path": … }`) are confined to IMPORT_DIR
 * (#15.10): an admin key once read `/etc/passwd` through an ndjson import and learnt which files
 * exist. A relative path is taken inside IMPORT_DIR; the real path (symlinks resolved) must lie
 * inside the real IMPORT_DIR. A path outside gets the same answer whether or not it exists.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../../errors.js';

function refused(reason: string): AppError {
  return new AppError('IH_VALIDATION', `body/path ${reason}`, { details: [{ path: 'body/path', reason }] });
}

/** The real path of an importable regular file inside `importDir`, or a 400 on body/path. */
export async function resolveImportPath(importDir: string, path: unknown): Promise<string> {
  if (typeof path !== 'string' || path === '') throw refused('is required (a file inside IMPORT_DIR)');
  const outside = refused('must name a file inside IMPORT_DIR (the folder the server imports from)');
  const root = await realpath(importDir).catch(() => {
    throw refused('cannot be used: IMPORT_DIR does not exist on the server');
  });
  const wanted = isAbsolute(path) ? path : resolve(root, path);
  const real = await realpath(wanted).catch(() => undefined);
  if (real === undefined) {
    // Not there yet (a file still being copied in; the job fails and can be retried): its folder
    // must already be inside IMPORT_DIR. Same answer as for a path outside: no probing.
    const parent = await realpath(dirname(wanted)).catch(() => undefined);
    if (!parent || !(parent === root || inside(root, parent))) throw outside;
    return join(parent, basename(wanted));
  }
  if (!inside(root, real)) throw outside;
  if (!(await stat(real)).isFile()) throw refused('must be a regular file');
  return real;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
