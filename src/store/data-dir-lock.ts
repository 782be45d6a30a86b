/**
 * One process owns an embedded (PGlite) data folder. PGlite is PostgreSQL compiled into the
 * process: two processes opening the same folder each think they own it, neither sees the other's
 * writes, and the folder ends up corrupt (`RuntimeError: Aborted()` on the next start). The README's
 * demo load (`cli import` while `npm start` runs) did exactly that.
 *
 * The lock is a file created atomically (`wx`) inside the folder, holding the owner's pid, command
 * and start time. A second process gets DataDirLockedError naming the owner and what to do instead.
 * A lock left by a process that died without releasing it (kill -9, power loss) is recognised
 * because its pid is no longer alive on this host, and is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = '.identity-hub.lock';

export interface LockOwner {
  pid: number;
  command: string;
  host: string;
  since: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${owner.pid} (${owner.command}) since ${owner.since}. ` +
        'One process owns an embedded data folder: send the data through the running server instead ' +
        '(cli import --server http://localhost:3000 --key <api key>), stop that process first, or use PostgreSQL (DATABASE_URL) ' +
        `for several processes. If process ${owner.pid} is not an Identity Hub process, delete ${join(dataDir, LOCK_FILE)}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    command: process.argv.slice(1, 4).join(' ') || process.argv0,
    host: hostname(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      return ownedLock(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(path);
    if (owner && isAlive(owner)) throw new DataDirLockedError(dataDir, owner);
    // Stale (its process is gone) or unreadable (a crash mid-write): take it over. Two processes
    // racing here both remove it, but only one of them then wins the `wx` create.
    rmSync(path, { force: true });
  }
  const owner = readOwner(path);
  throw new DataDirLockedError(dataDir, owner ?? { pid: 0, command: 'unknown', host: hostname(), since: 'unknown' });
}

function ownedLock(path: string): DataDirLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only remove the file if it is still ours (a stale-lock takeover elsewhere must not be undone).
    if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
  };
  // A normal exit without close() (process.exit after a fatal error) still frees the folder.
  process.on('exit', release);
  return { release };
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || !Number.isSafeInteger(owner.pid)) return undefined;
    return {
      pid: owner.pid,
      command: String(owner.command ?? 'unknown'),
      host: String(owner.host ?? ''),
      since: String(owner.since ?? 'unknown'),
    };
  } catch {
    return undefined;
  }
}

/** A pid on another host cannot be checked: assume alive (the folder may be on shared storage). */
function isAlive(owner: LockOwner): boolean {
  if (owner.host && owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
