/**
 * Nightly maintenance: retrain (promoted only through the quality gate), dedupe (records changed
 * since the last run) and the quality report, on one
 * cron pattern from config (default 02:00). BullMQ's job schedulers when Redis is configured
 * (one schedule for the whole cluster, however many workers run), croner in the in-process runner.
 */
import type { Config } from '../config.js';

export interface ScheduleOptions {
  enabled: boolean;
  /** Cron pattern, e.g. "0 2 * * *". */
  cron: string;
  timezone?: string;
}

export const SCHEDULED_JOBS = [
  { schedulerId: 'nightly-retrain', type: 'retrain', data: {} },
  { schedulerId: 'nightly-dedupe', type: 'dedupe', data: { scope: 'changed' } },
  { schedulerId: 'nightly-quality', type: 'quality', data: {} },
] as const;

/** DEDUPE_CRON (default "0 2 * * *"; "off" disables the nightly jobs). */
export function scheduleOptions(config: Pick<Config, 'dedupeCron'>): ScheduleOptions {
  return { enabled: config.dedupeCron !== null, cron: config.dedupeCron ?? '0 2 * * *', timezone: 'UTC' };
}
