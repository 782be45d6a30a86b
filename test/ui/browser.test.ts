/** Finding the browser: the UI tests skip without one, but a wrong CHROMIUM_PATH is an error. */
import { describe, expect, it } from 'vitest';
import { findChromium } from './helpers/browser.js';

describe('findChromium', () => {
  it('is null (tests skip) when no candidate exists and CHROMIUM_PATH is unset', () => {
    expect(findChromium({}, ['/nonexistent/chromium'])).toBeNull();
  });

  it('takes the first existing candidate', () => {
    expect(findChromium({}, ['/nonexistent/chromium', process.execPath])).toBe(process.execPath);
  });

  it('fails loudly when CHROMIUM_PATH names a missing file', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(/does not exist/);
  });

  it('uses CHROMIUM_PATH when it exists', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath }, [])).toBe(process.execPath);
  });
});
