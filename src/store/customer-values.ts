/** SQL for customer_values (0008): a customer's total value and its rank among all customers. */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

export interface ValueRank {
  /** Customers worth strictly more than this one. */
  higher: number;
  /** Customers holding at least one live record. */
  customers: number;
}

/**
 * How many customers are worth more than `value`, and how many there are. Both counts are
 * index-only scans of customer_values_total_idx; the count above is short for the valuable
 * customers a call centre cares about most.
 */
export async function valueRank(db: Kysely<DB>, value: number): Promise<ValueRank> {
  const result = await sql<{ higher: string; customers: string }>`
    select (select count(*) from customer_values where total_value > ${value}) as higher,
           (select count(*) from customer_values) as customers`.execute(db);
  const row = result.rows[0];
  return { higher: Number(row?.higher ?? 0), customers: Number(row?.customers ?? 0) };
}
