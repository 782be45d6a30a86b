/**
 * Customer 360: the golden record with the source of each value, the cross-reference (systems,
 * record ids, value per system and total), the member records, the history of events, and the
 * steward actions merge-with (via the compare screen) and split-off.
 */
import { useState } from 'preact/hooks';
import { actorLabel } from '../actor-label.js';
import { api, enc } from '../api.js';
import { ErrorBox, Loading, useAsync } from '../components/async.js';
import { addressText, displayName, money, when } from '../format.js';
import { href, navigate } from '../route.js';
import type { AuditEvent, CustomerLookup, Golden, SplitResult, StoredRecord, Xref } from '../types.js';

interface RecordsPage {
  items: StoredRecord[];
  nextCursor: string | null;
}

/** A household member or shared contact (GET /customers/{id}/related; issue #11 item 4). */
interface RelatedCustomer {
  customerId: string;
  kind: 'household' | 'shared_contact';
  displayName?: string | null;
  evidence?: { shared: string[] };
}

/** Related customers shown on the 360 (the API pages the rest). */
const RELATED_SHOWN = 20;

/** Records shown per page: a large customer's members come page by page, never all at once. */
const RECORDS_PAGE = 50;
/** Record ids listed per system in the cross-reference (the counts are always whole). */
const XREF_IDS = 20;

function recordsPage(id: string, after: string | null): Promise<RecordsPage> {
  const cursor = after ? `&after=${encodeURIComponent(after)}` : '';
  return api<RecordsPage>('GET', `/customers/${enc(id)}/records?limit=${RECORDS_PAGE}${cursor}`);
}

async function load(id: string) {
  const [lookup, xref, records, history, related] = await Promise.all([
    api<CustomerLookup>('GET', `/customers/${enc(id)}`),
    api<Xref>('GET', `/customers/${enc(id)}/xref?limit=${XREF_IDS * 5}`),
    recordsPage(id, null),
    api<{ items: AuditEvent[] }>('GET', `/customers/${enc(id)}/history?limit=50`),
    api<{ items: RelatedCustomer[]; nextCursor: string | null }>(
      'GET',
      `/customers/${enc(id)}/related?limit=${RELATED_SHOWN}`,
    ),
  ]);
  return { ...lookup, xref, records, history: history.items, related };
}

/** `splitFrom`: the customer this one was just split off (the split action navigates here with it). */
export function CustomerScreen({ id, splitFrom }: { id: string; splitFrom: string | null }) {
  const state = useAsync(() => load(id), [id]);
  return (
    <section>
      <Loading state={state}>
        {() => <CustomerView key={state.data!.customer.id} {...state.data!} splitFrom={splitFrom} />}
      </Loading>
    </section>
  );
}

type Loaded = Awaited<ReturnType<typeof load>> & { splitFrom: string | null };

function CustomerView({ customer, redirectedFrom, xref, records, history, related, splitFrom }: Loaded) {
  return (
    <div class="customer" data-customer={customer.id}>
      <h2>
        {displayName(customer.golden)} <span class="muted">customer {customer.id}</span>
      </h2>
      {redirectedFrom && <p class="notice">{redirectedFrom} was merged into this customer.</p>}
      {splitFrom && (
        <p class="notice">
          New customer, split off <a href={href('customer', splitFrom)}>customer {splitFrom}</a>.
        </p>
      )}
      <p class="kpis">
        <span>
          <b class="record-count">{xref.recordCount}</b> records
        </span>
        <span>
          <b>{xref.systems.length}</b> systems
        </span>
        <span>
          total value <b class="total-value">{money(xref.totalValue)}</b>
        </span>
        <span>status {customer.status}</span>
      </p>
      <div class="c360">
        <GoldenTable golden={customer.golden} />
        <XrefTable xref={xref} />
      </div>
      <RelatedTable items={related.items} more={related.nextCursor !== null} />
      <Actions customerId={customer.id} firstPage={records} liveCount={xref.recordCount} />
      <History items={history} />
    </div>
  );
}

const GOLDEN_FIELDS: Array<[keyof Golden, string]> = [
  ['displayName', 'Name'],
  ['organizationName', 'Organisation'],
  ['dateOfBirth', 'Date of birth'],
  ['gender', 'Gender'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['address', 'Address'],
  ['nationalId', 'National id'],
];

function GoldenTable({ golden }: { golden: Golden }) {
  return (
    <table class="golden">
      <caption>Golden record ({golden.entityType})</caption>
      <tbody>
        {GOLDEN_FIELDS.map(([key, label]) => {
          const v = golden[key];
          if (!v || typeof v !== 'object') return null;
          const text = key === 'address' ? addressText((v as NonNullable<Golden['address']>).value) : String(v.value);
          return (
            <tr key={key} data-field={key}>
              <th>{label}</th>
              <td>{text}</td>
              <td class="lineage">
                {v.sourceSystem} / {v.sourceRecordId} <span class="muted">({v.rule})</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const KIND_LABEL: Record<RelatedCustomer['kind'], string> = {
  household: 'Household',
  shared_contact: 'Shared contact',
};

/** Different people linked by an address, phone or email: kept apart, shown here. */
function RelatedTable({ items, more }: { items: RelatedCustomer[]; more: boolean }) {
  if (items.length === 0) return null;
  return (
    <table class="related">
      <caption>Related customers</caption>
      <thead>
        <tr>
          <th>Kind</th>
          <th>Customer</th>
          <th>Shares</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.customerId} data-related={r.customerId}>
            <td>{KIND_LABEL[r.kind]}</td>
            <td>
              <a href={href('customer', r.customerId)}>{r.displayName ?? r.customerId}</a>{' '}
              <span class="muted">{r.customerId}</span>
            </td>
            <td class="muted">{r.evidence?.shared.join(', ') ?? ''}</td>
          </tr>
        ))}
      </tbody>
      {more && (
        <tfoot>
          <tr>
            <td colSpan={3} class="muted">
              more in the API (/customers/…/related)
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

function XrefTable({ xref }: { xref: Xref }) {
  return (
    <table class="xref">
      <caption>Cross-reference</caption>
      <thead>
        <tr>
          <th>System</th>
          <th>Records</th>
          <th class="num">Value</th>
        </tr>
      </thead>
      <tbody>
        {xref.systems.map((s) => (
          <tr key={s.sourceSystem} data-system={s.sourceSystem}>
            <td>{s.sourceSystem}</td>
            <td>
              <b>{s.recordCount}</b>{' '}
              <span class="muted">
                {s.recordIds.slice(0, XREF_IDS).join(', ')}
                {s.recordCount > Math.min(XREF_IDS, s.recordIds.length) ? ', …' : ''}
              </span>
            </td>
            <td class="num">{money(s.totalValue)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th>Total</th>
          <th>{xref.recordCount}</th>
          <th class="num">{money(xref.totalValue)}</th>
        </tr>
      </tfoot>
    </table>
  );
}

function Actions({
  customerId,
  firstPage,
  liveCount,
}: {
  customerId: string;
  firstPage: RecordsPage;
  liveCount: number;
}) {
  const [pages, setPages] = useState<RecordsPage>(firstPage);
  const records = pages.items.filter((r) => !r.deletedAt);
  const more = async () => {
    try {
      const next = await recordsPage(customerId, pages.nextCursor);
      setPages((p) => ({ items: [...p.items, ...next.items], nextCursor: next.nextCursor }));
    } catch (e) {
      setError(e);
    }
  };
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [otherId, setOtherId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const toggle = (k: string) =>
    setPicked((p) => {
      const n = new Set(p);
      if (n.has(k)) n.delete(k);
      else n.add(k);
      return n;
    });
  const split = async () => {
    const recordRefs = records
      .filter((r) => picked.has(`${r.sourceSystem}/${r.sourceRecordId}`))
      .map((r) => ({ sourceSystem: r.sourceSystem, sourceRecordId: r.sourceRecordId }));
    try {
      const r = await api<SplitResult>('POST', `/customers/${enc(customerId)}/split`, {
        recordRefs,
        reason: reason.trim() || 'Steward split: records belong to a different customer',
      });
      navigate(href('customer', r.newCustomer.id, { from: customerId }));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div class="actions">
      <h3>Records</h3>
      <table class="records">
        <thead>
          <tr>
            <th>Split</th>
            <th>System / record</th>
            <th>Name</th>
            <th>Email</th>
            <th>Phone</th>
            <th>Problems</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => {
            const k = `${r.sourceSystem}/${r.sourceRecordId}`;
            const name = String(r.raw.full_name ?? [r.raw.given_name, r.raw.family_name].filter(Boolean).join(' '));
            return (
              <tr key={k} data-record={k}>
                <td>
                  <input type="checkbox" checked={picked.has(k)} onChange={() => toggle(k)} aria-label={`pick ${k}`} />
                </td>
                <td>{k}</td>
                <td>{name || String(r.raw.organization_name ?? '')}</td>
                <td>{String(r.raw.email ?? '')}</td>
                <td>{String(r.raw.phone ?? '')}</td>
                <td>{r.problems.map((p) => p.code).join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {pages.nextCursor && (
        <p>
          <button class="more-records" onClick={() => void more()}>
            More records
          </button>{' '}
          <span class="muted">
            {records.length} of {liveCount} shown
          </span>
        </p>
      )}
      <ErrorBox error={error} />
      <div class="action-row">
        <input name="reason" placeholder="Reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        <button class="split" disabled={picked.size === 0 || picked.size >= liveCount} onClick={() => void split()}>
          Split off {picked.size || ''} selected
        </button>
        <input
          name="other"
          placeholder="Other customer id"
          value={otherId}
          onInput={(e) => setOtherId(e.currentTarget.value)}
        />
        <button
          class="merge-with"
          disabled={!otherId.trim()}
          onClick={() => navigate(href('compare', null, { customers: `${customerId},${otherId.trim()}` }))}
        >
          Merge with…
        </button>
      </div>
    </div>
  );
}

function History({ items }: { items: AuditEvent[] }) {
  return (
    <table class="history">
      <caption>History</caption>
      <tbody>
        {items.map((e) => (
          <tr key={e.id}>
            <td>{when(e.occurredAt)}</td>
            <td>{e.action}</td>
            <td>{actorLabel(e.actor)}</td>
            <td>{e.sourceSystem ? `${e.sourceSystem} / ${e.sourceRecordId ?? ''}` : ''}</td>
            <td>{e.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
