import os from 'node:os';

/** The machine a benchmark ran on, printed with every figure so numbers are never quoted without it. */
export function machine(): { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string } {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()}-${os.arch()}`,
  };
}
