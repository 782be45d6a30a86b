/**
 * Screenshots of every screen of the web page, for the README (docs/screenshots/*.png).
 *
 *   npm run --silent build:ui && npx tsx scripts/screenshots.ts            fresh server + demo data
 *   npx tsx scripts/screenshots.ts --url http://127.0.0.1:3000 --key K     an already-loaded server
 *
 * Without --url it starts the real app on a fresh PGlite database and loads fixtures/sample through
 * POST /v1/records:batch (test/ui/helpers), so the pictures show the demo data. It decides one review
 * task (merge), which is part of what the pictures show. Needs Debian's chromium (CHROMIUM_PATH).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { findChromium, launchChromium } from '../test/ui/helpers/browser.js';
import { loadDemoData, readDemoRecords } from '../test/ui/helpers/demo-data.js';
import { STEWARD_KEY, startUiServer, type UiServer } from '../test/ui/helpers/server.js';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

interface Side {
  customerId: string | null;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
  console.error(`docs/screenshots/${name}.png`);
}

/**
 * "Given Family" of the first demo customer whose family name is a plain Latin word of 6+ letters,
 * with one letter of the family name dropped (the same rule as the search test in test/ui).
 */
async function misspeltDemoName(baseUrl: string, key: string): Promise<string> {
  const get = async <T>(path: string) =>
    (await fetch(`${baseUrl}/v1${path}`, { headers: { authorization: `Bearer ${key}` } })).json() as Promise<T>;
  for (const r of await readDemoRecords()) {
    const stored = await get<{ customerId?: string | null }>(`/records/${r.source_system}/${r.source_record_id}`);
    if (!stored.customerId) continue;
    const { customer } = await get<{ customer: { golden: Record<string, { value: string } | undefined> } }>(
      `/customers/${stored.customerId}`,
    );
    const given = customer.golden['givenName']?.value;
    const family = customer.golden['familyName']?.value ?? '';
    if (given && /^[A-Za-z]{6,}$/.test(family)) return `${given} ${family.slice(0, 3)}${family.slice(4)}`;
  }
  throw new Error('no demo customer with a Latin family name of 6+ letters');
}

async function main(): Promise<void> {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error('no Chromium found: apt-get install chromium, or set CHROMIUM_PATH');
  let server: UiServer | null = null;
  let baseUrl = arg('--url');
  const key = arg('--key') ?? STEWARD_KEY;
  if (!baseUrl) {
    server = await startUiServer();
    console.error('loading demo data …');
    console.error(JSON.stringify(await loadDemoData(server)));
    baseUrl = server.baseUrl;
  }
  await mkdir(OUT, { recursive: true });
  const browser = await launchChromium(chromiumPath);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}/ui/#/queue`);
    await shoot(page, 'key-prompt');
    await page.fill('input[name=key]', key);
    await page.press('input[name=key]', 'Enter');
    await page.waitForSelector('table.tasks tbody tr');
    await shoot(page, 'queue', false);

    // Two customers a review task is about, side by side (the page of the customer 360 "Merge with…").
    const tasks = await fetch(`${baseUrl}/v1/review-tasks?status=open&limit=2`, {
      headers: { authorization: `Bearer ${key}` },
    }).then((r) => r.json() as Promise<{ items: Array<{ recordA: Side; recordB: Side }> }>);
    const pair = tasks.items[1];
    if (pair) {
      await page.goto(`${baseUrl}/ui/#/compare?customers=${pair.recordA.customerId},${pair.recordB.customerId}`);
      await page.waitForSelector('table.aligned');
      await shoot(page, 'compare-customers');
      await page.goto(`${baseUrl}/ui/#/queue`);
      await page.waitForSelector('table.tasks tbody tr');
    }

    await page.keyboard.press('Enter');
    await page.waitForSelector('svg.waterfall');
    await shoot(page, 'compare');
    await page.keyboard.press('m');
    const link = page.locator('.decided a').first();
    await link.waitFor();
    await link.click();
    await page.waitForSelector('.customer table.xref');
    await shoot(page, 'customer-360');

    const misspelt = await misspeltDemoName(baseUrl, key);
    await page.goto(`${baseUrl}/ui/#/search?q=${encodeURIComponent(misspelt)}`);
    await page.waitForSelector('table.results, .empty');
    await shoot(page, 'search');

    await page.goto(`${baseUrl}/ui/#/quality`);
    await page.waitForSelector('table.quality');
    await page.locator('table.quality tbody tr a').nth(1).click();
    await page.locator('button.sample').first().click();
    await page.waitForSelector('.sample-record');
    await shoot(page, 'quality');
  } finally {
    await browser.close();
    await server?.close();
  }
}

await main();
