/**
 * A progress bar on stderr. On a TTY it redraws one line; elsewhere (CI, pipes) it prints a line
 * at most every few seconds so logs stay readable. Never writes to stdout, which carries results.
 */
export interface Progress {
  /** Set the absolute count done so far. */
  update(done: number): void;
  /** Add to the count done. */
  tick(n?: number): void;
  /** Finish the bar with a final line. */
  finish(message?: string): void;
}

export interface ProgressOptions {
  total?: number;
  stream?: NodeJS.WriteStream;
  /** Minimum ms between redraws. */
  intervalMs?: number;
  enabled?: boolean;
}

export function createProgress(label: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY);
  const interval = options.intervalMs ?? (tty ? 100 : 5000);
  const enabled = options.enabled ?? true;
  const started = Date.now();
  let total = options.total;
  let done = 0;
  let lastDraw = 0;

  const render = (): string => {
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? Math.round(done / secs) : 0;
    if (total && total > 0) {
      const frac = Math.min(1, done / total);
      const width = 30;
      const filled = Math.round(frac * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      return `${label} ${bar} ${(frac * 100).toFixed(1)}% ${done}/${total} ${rate}/s ${secs.toFixed(1)}s`;
    }
    return `${label} ${done} ${rate}/s ${secs.toFixed(1)}s`;
  };

  const draw = (force = false): void => {
    if (!enabled) return;
    const now = Date.now();
    if (!force && now - lastDraw < interval) return;
    lastDraw = now;
    stream.write(tty ? `\r\x1b[2K${render()}` : `${render()}\n`);
  };

  return {
    update(n) {
      done = n;
      draw();
    },
    tick(n = 1) {
      done += n;
      draw();
    },
    finish(message) {
      if (total === undefined) total = done;
      draw(true);
      if (enabled && tty) stream.write('\n');
      if (enabled && message) stream.write(`${message}\n`);
    },
  };
}

/**
 * One bar per pipeline stage, in stage order: when a stage reports for the first time, the bars
 * of earlier stages are completed and finished (they are done), so none is redrawn below a later
 * one; a stage that reported less often than it worked still ends at its total.
 */
export function createStageProgress<S extends string>(
  options: Omit<ProgressOptions, 'total'> = {},
): { onProgress(p: { stage: S; done: number; total?: number }): void; finish(): void } {
  let current: { stage: S; bar: Progress; total: number | undefined } | undefined;
  const close = (): void => {
    if (!current) return;
    if (current.total !== undefined) current.bar.update(current.total);
    current.bar.finish();
  };
  return {
    onProgress(p) {
      if (current?.stage !== p.stage) {
        close();
        current = { stage: p.stage, bar: createProgress(p.stage, { ...options, total: p.total }), total: p.total };
      }
      current.bar.update(p.done);
    },
    finish() {
      close();
      current = undefined;
    },
  };
}
