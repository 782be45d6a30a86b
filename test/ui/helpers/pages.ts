/** Small page helpers for the browser tests: sign in once per page, read numbers off the screen. */
import type { Browser, Page } from 'playwright-core';
import { STEWARD_KEY } from './server.js';

/** A fresh tab (own sessionStorage) signed in as the steward, on the given hash route. */
export async function openSignedIn(browser: Browser, baseUrl: string, hash: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${baseUrl}/ui/${hash}`);
  await page.fill('input[name=key]', STEWARD_KEY);
  await page.press('input[name=key]', 'Enter');
  return page;
}

/** The text of the first element matching selector, once it is there. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const el = page.locator(selector).first();
  await el.waitFor();
  return (await el.innerText()).trim();
}

/** Waits until the page shows a customer (other than `not`, when given) and returns its id. */
export async function shownCustomer(page: Page, opts: { not?: string } = {}): Promise<string> {
  const selector = opts.not
    ? `.customer[data-customer]:not([data-customer="${opts.not}"])`
    : '.customer[data-customer]';
  const el = page.locator(selector);
  await el.waitFor();
  return (await el.getAttribute('data-customer')) ?? '';
}

/** The values of a data attribute over all elements matching selector, in page order. */
export async function dataOf(page: Page, selector: string, attribute: string): Promise<string[]> {
  const out: string[] = [];
  for (const el of await page.locator(selector).all()) out.push((await el.getAttribute(attribute)) ?? '');
  return out;
}
