/**
 * The API process end to end: start-up refusal on bad configuration, and (on PostgreSQL, where a
 * start is quick) ready → SIGTERM → graceful stop with exit 0.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

const testDatabaseUrl = process.env['TEST_DATABASE_URL'];

interface Started {
  exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
  child: ReturnType<typeof spawn>;
  waitFor(text: string): Promise<void>;
}

function startMain(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const w of waiters) if (stdout.includes(w.text)) w.resolve();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  const waitFor = (text: string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (stdout.includes(text)) return resolve();
      waiters.push({ text, resolve });
      void exit.then((r) => reject(new Error(`exited (${r.code}) before "${text}": ${r.stderr}${r.stdout}`)));
    });
  return { exit, child, waitFor };
}

describe('main', () => {
  it('refuses to start on a bad setting, naming the variable', async () => {
    const { exit } = startMain({ PORT: 'eighty', MATCH_LOWER_THRESHOLD: '2' });
    const { code, stderr } = await exit;
    expect(code).toBe(1);
    expect(stderr).toContain('PORT: must be an integer');
    expect(stderr).toContain('MATCH_LOWER_THRESHOLD: must be a probability');
  });

  it.skipIf(!testDatabaseUrl)('becomes ready, then stops gracefully on SIGTERM', async () => {
    const name = `ih_main_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
      const url = new URL(testDatabaseUrl ?? '');
      url.pathname = `/${name}`;
      const main = startMain({ DATABASE_URL: url.toString() });
      await main.waitFor('"msg":"ready"');
      main.child.kill('SIGTERM');
      const { code, stdout, stderr } = await main.exit;
      expect(code).toBe(0);
      // First start: the UI address and working keys go to the terminal (stderr), never the log.
      expect(stderr).toMatch(/Web UI: http:\/\/127\.0\.0\.1:\d+\/ui/);
      expect(stderr).toMatch(/steward key.*ihk_/);
      expect(stdout).not.toContain('ihk_');
      expect(stdout).toMatch(/"readyMs":\d+/);
      expect(stdout).toContain('"msg":"stopped"');
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
