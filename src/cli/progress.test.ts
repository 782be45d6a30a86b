/** Stage bars: each ends at its total, in stage order, and none is redrawn after a later stage's. */
import { describe, expect, it } from 'vitest';
import { createStageProgress } from './progress.js';

function fakeStream(): { stream: NodeJS.WriteStream; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = { isTTY: false, write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, lines: () => chunks.join('').trim().split('\n') };
}

describe('createStageProgress', () => {
  it('completes a stage that reported only its start, and keeps stages in order', () => {
    const out = fakeStream();
    const bars = createStageProgress<'standardize' | 'compare'>({ stream: out.stream, intervalMs: 1e9 });
    bars.onProgress({ stage: 'standardize', done: 1024 });
    bars.onProgress({ stage: 'standardize', done: 1933 });
    // The comparer reports every 65,536 pairs: a small run reports only 0.
    bars.onProgress({ stage: 'compare', done: 0, total: 5000 });
    bars.finish();
    const lines = out.lines();
    const std = lines.map((l, i) => (l.startsWith('standardize') ? i : -1)).filter((i) => i >= 0);
    const cmp = lines.map((l, i) => (l.startsWith('compare') ? i : -1)).filter((i) => i >= 0);
    expect(Math.max(...std)).toBeLessThan(Math.min(...cmp));
    expect(lines.at(-1)).toMatch(/^compare .* 100\.0% 5000\/5000/);
    expect(lines.filter((l) => l.startsWith('standardize')).at(-1)).toMatch(/^standardize .* 1933\/1933 /);
  });
});
