/**
 * Every command's --help explains each option of its usage line on a line of its own and ends with
 * an example; dedupe says that it trains a model when none is given.
 */
import { describe, expect, it } from 'vitest';
import { USAGE as dedupe } from './dedupe.js';
import { USAGE as evaluate } from './evaluate.js';
import { USAGE as explain } from './explain.js';
import { USAGE as generate } from './generate.js';
import { USAGE as importUsage } from './import.js';

const HELP: Record<string, string> = { dedupe, evaluate, explain, generate, import: importUsage };

/** The options named in the usage line (before the first blank line). */
function optionsOf(usage: string): string[] {
  const line = usage.split('\n\n')[0] ?? '';
  return [...new Set([...line.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]))];
}

describe.each(Object.keys(HELP))('%s --help', (command) => {
  const help = HELP[command]!;

  it('explains every option of its usage line', () => {
    const options = optionsOf(help);
    expect(options.length).toBeGreaterThan(1);
    const explained = options.filter((o) =>
      new RegExp(`^\\s+${o}(\\s|$)`, 'm').test(help.split('\n\n').slice(1).join('\n\n')),
    );
    expect(explained).toEqual(options);
  });

  it('gives an example', () => {
    expect(help).toMatch(/\nexamples?:\n\s+npm run cli -- /);
  });
});

it('dedupe says it trains a model when none is given', () => {
  expect(dedupe).toMatch(/--model[^\n]*\n[^\n]*TRAINED on the input/);
});
