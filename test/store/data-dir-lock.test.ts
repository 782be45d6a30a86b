/** #15.1: one process owns an embedded data folder; a stale lock (dead pid) is taken over. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, acquireDataDirLock, DataDirLockedError } from '../../src/store/data-dir-lock.js';
import { openPglite } from '../../src/store/db-pglite.js';

describe('embedded data folder lock', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ih-lock-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a second open of the same folder fails, naming the owner and --server; after close it opens', async () => {
    const dataDir = join(dir, 'db');
    const first = await openPglite({ dataDir });
    try {
      const err = await openPglite({ dataDir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataDirLockedError);
      expect((err as Error).message).toContain(`process ${process.pid}`);
      expect((err as Error).message).toContain('--server');
    } finally {
      await first.close();
    }
    const again = await openPglite({ dataDir });
    await again.close();
  }, 60_000);

  it('a lock left by a process that is gone is taken over', async () => {
    const dataDir = join(dir, 'stale');
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(child.stdout.toString());
    await rm(dataDir, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(dataDir, { recursive: true }));
    await writeFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid: deadPid, command: 'gone', since: 'then' }));
    const lock = acquireDataDirLock(dataDir);
    expect(JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
    await expect(readFile(join(dataDir, LOCK_FILE))).rejects.toThrow();
  });

  it('a lock held by a live process of another program is respected', async () => {
    const dataDir = join(dir, 'live');
    await import('node:fs/promises').then((fs) => fs.mkdir(dataDir, { recursive: true }));
    // pid 1 is always alive (init); EPERM counts as alive too.
    await writeFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid: 1, command: 'npm start', since: 'then' }));
    expect(() => acquireDataDirLock(dataDir)).toThrow(/process 1 \(npm start\)/);
  });
});
