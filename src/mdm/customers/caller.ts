/**
 * Caller look-up, the call-centre case: from whatever the caller gives — a phone number, an email,
 * a name, a source record id or a customer id — to who this is across all systems (customer 360)
 * and what the customer is worth: total annual value across systems and its rank among all
 * customers ("top 1 %"). Candidates come from the indexed customer search; the best one is shown
 * in full, the others are listed so the agent can switch when the name alone was ambiguous.
 */
import { resolveCustomer } from '../../store/customers.js';
import { valueRank } from '../../store/customer-values.js';
import { toCustomer } from '../golden/customer-state.js';
import type { MdmContext } from '../context.js';
import type { Customer, CustomerXref } from '../types.js';
import { searchCustomers } from './customers.js';
import { getCustomerXref } from './xref.js';

const CUSTOMER_ID = /^C\d{10}$/;

export interface CallerValueRank {
  /** 1-based position by total value (ties share the best position). */
  position: number;
  customers: number;
  /** Smallest whole percentage p with position ≤ p % of customers, e.g. 1 for "top 1 %". */
  topPercent: number;
}

export interface CallerLookup {
  query: string;
  /** The best candidate in full, or null when nothing matched. */
  customer: Customer | null;
  xref: CustomerXref | null;
  totalValue: number | null;
  valueRank: CallerValueRank | null;
  /** Every candidate, best first (the first is `customer`). */
  candidates: Array<{ customer: Customer; score: number }>;
}

export async function lookupCaller(ctx: MdmContext, query: string, limit = 5): Promise<CallerLookup> {
  const q = query.trim();
  const candidates = CUSTOMER_ID.test(q) ? await byCustomerId(ctx, q) : await searchCustomers(ctx, { q, limit });
  const best = candidates[0];
  if (!best) return { query: q, customer: null, xref: null, totalValue: null, valueRank: null, candidates: [] };
  const xref = await getCustomerXref(ctx, best.customer.id);
  const rank = await valueRank(ctx.database.db, xref.totalValue);
  // The customer itself may not be counted yet (totals not built): count it in.
  const customers = Math.max(rank.customers, rank.higher + 1);
  const position = rank.higher + 1;
  return {
    query: q,
    customer: best.customer,
    xref,
    totalValue: xref.totalValue,
    valueRank: { position, customers, topPercent: Math.max(1, Math.ceil((100 * position) / customers)) },
    candidates,
  };
}

/** A merged-away id leads to the surviving customer; an unknown id is "no match", like any query. */
async function byCustomerId(ctx: MdmContext, id: string): Promise<Array<{ customer: Customer; score: number }>> {
  const row = await resolveCustomer(ctx.database.db, id);
  return row ? [{ customer: toCustomer(row), score: 1 }] : [];
}
