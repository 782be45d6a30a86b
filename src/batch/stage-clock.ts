/**
 * Wall time per batch stage, process CPU time and peak resident memory. The peak is the kernel's
 * high-water mark for the whole process (getrusage maxRSS: worker threads included, and nothing
 * missed between samples).
 */

export type BatchStage = 'standardize' | 'block' | 'compare' | 'train' | 'score' | 'cluster';

const STAGES: readonly BatchStage[] = ['standardize', 'block', 'compare', 'train', 'score', 'cluster'];

const round = (x: number): number => Math.round(x * 1000) / 1000;

export class StageClock {
  private readonly start = performance.now();
  private readonly cpuStart = process.cpuUsage();
  private last = this.start;
  private readonly times: Partial<Record<BatchStage, number>> = {};

  end(stage: BatchStage): void {
    const now = performance.now();
    this.times[stage] = (now - this.last) / 1000;
    this.last = now;
  }

  seconds(): Record<BatchStage | 'total', number> {
    const out = Object.fromEntries(STAGES.map((s) => [s, round(this.times[s] ?? 0)])) as Record<
      BatchStage | 'total',
      number
    >;
    out.total = round((this.last - this.start) / 1000);
    return out;
  }

  /** User + system CPU seconds of the process (all threads) since the clock started. */
  cpuSeconds(): number {
    const cpu = process.cpuUsage(this.cpuStart);
    return round((cpu.user + cpu.system) / 1e6);
  }

  peakRssMiB(): number {
    return Math.round(process.resourceUsage().maxRSS / 1024);
  }
}
