/**
 * Headless Debian Chromium driven by playwright-core (never a downloaded browser). The flags keep
 * Chromium off the network: this machine's network is closed and background requests would fail.
 * Playwright gives every launch a fresh empty profile directory of its own.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** CHROMIUM_PATH when set (it must exist), else the Debian locations; null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, candidates = CANDIDATES): string | null {
  const configured = env['CHROMIUM_PATH'];
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return configured;
  }
  return candidates.find((p) => existsSync(p)) ?? null;
}

export const NO_CHROMIUM_MESSAGE =
  'browser tests skipped: no Chromium found (set CHROMIUM_PATH or `apt-get install chromium`; CI installs it)';

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
