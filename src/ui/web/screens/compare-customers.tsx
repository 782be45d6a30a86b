/** Two or more customers side by side (golden values aligned by field), merge into the first. */
import { useState } from 'preact/hooks';
import { api, enc } from '../api.js';
import { AlignedTable } from '../components/aligned.js';
import { ErrorBox, Loading, useAsync } from '../components/async.js';
import { addressText, displayName, money } from '../format.js';
import { href, navigate } from '../route.js';
import type { CustomerLookup, Golden, MergeResult } from '../types.js';

const FIELDS = [
  'name',
  'organization',
  'date of birth',
  'gender',
  'email',
  'phone',
  'address',
  'national id',
  'records',
  'value',
];

function values(c: CustomerLookup['customer']): Record<string, string> {
  const g: Golden = c.golden;
  return {
    name: displayName(g),
    organization: g.organizationName?.value ?? '',
    'date of birth': g.dateOfBirth?.value ?? '',
    gender: g.gender?.value ?? '',
    email: g.email?.value ?? '',
    phone: g.phone?.value ?? '',
    address: g.address ? addressText(g.address.value) : '',
    'national id': g.nationalId?.value ?? '',
    records: String(c.recordCount),
    value: money(c.totalValue),
  };
}

export function CompareCustomersScreen({ ids }: { ids: string[] }) {
  const state = useAsync(
    () => Promise.all(ids.map((id) => api<CustomerLookup>('GET', `/customers/${enc(id)}`))),
    [ids.join()],
  );
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const merge = async (target: string, others: string[]) => {
    try {
      let survivor = target;
      for (const other of others) {
        const r = await api<MergeResult>('POST', `/customers/${enc(survivor)}/merge`, {
          otherId: other,
          reason: reason.trim(),
        });
        survivor = r.customer.id;
      }
      navigate(href('customer', survivor));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section>
      <h2>Compare customers</h2>
      <Loading state={state}>
        {() => {
          const found = state.data!.map((l) => l.customer);
          const columns = found.map((c) => ({
            key: c.id,
            title: <a href={href('customer', c.id)}>customer {c.id}</a>,
            values: values(c),
          }));
          return (
            <>
              <AlignedTable fields={FIELDS} columns={columns} />
              <ErrorBox error={error} />
              <div class="decision">
                <textarea
                  name="reason"
                  placeholder="Reason (required: the audit trail keeps it)"
                  value={reason}
                  onInput={(e) => setReason(e.currentTarget.value)}
                />
                <button
                  class="merge"
                  // A merge joins customers' data: it is never done without a stated reason.
                  disabled={new Set(found.map((c) => c.id)).size < 2 || reason.trim() === ''}
                  title={reason.trim() === '' ? 'Give a reason first' : undefined}
                  onClick={() =>
                    void merge(
                      found[0]!.id,
                      found.slice(1).map((c) => c.id),
                    )
                  }
                >
                  Merge these customers
                </button>
              </div>
            </>
          );
        }}
      </Loading>
    </section>
  );
}
