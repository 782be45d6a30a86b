/**
 * Compare for a review task: both records aligned by field with differences highlighted, the
 * match weight as a waterfall, and the decision buttons with a reason box.
 * Keys: m merge, s separate, n next open task.
 */
import { useRef, useState } from 'preact/hooks';
import { api, enc, withQuery } from '../api.js';
import { AlignedTable } from '../components/aligned.js';
import { ErrorBox, Loading, useAsync } from '../components/async.js';
import { useKeys } from '../components/keys.js';
import { WeightChart } from '../components/weight-chart.js';
import { RECORD_FIELDS, money, pct, rawValue } from '../format.js';
import { href, navigate } from '../route.js';
import type { DecisionResult, ReviewTask, ReviewTaskPage, StoredRecord } from '../types.js';
import { decideTask } from './decide.js';

async function loadTask(id: string): Promise<{ task: ReviewTask; records: StoredRecord[] }> {
  const task = await api<ReviewTask>('GET', `/review-tasks/${enc(id)}`);
  const records = await Promise.all(
    [task.recordA, task.recordB].map((r) =>
      api<StoredRecord>('GET', `/records/${enc(r.sourceSystem)}/${enc(r.sourceRecordId)}`),
    ),
  );
  return { task, records };
}

async function nextTaskId(current: string): Promise<string | null> {
  const page = await api<ReviewTaskPage>('GET', withQuery('/review-tasks', { status: 'open', limit: 2 }));
  return page.items.find((t) => t.id !== current)?.id ?? null;
}

export function TaskScreen({ id }: { id: string }) {
  const state = useAsync(() => loadTask(id), [id]);
  return (
    <section>
      <h2>
        Compare <span class="muted">task {id}</span>
      </h2>
      <Loading state={state}>{() => <TaskView {...state.data!} />}</Loading>
    </section>
  );
}

function TaskView({ task, records }: { task: ReviewTask; records: StoredRecord[] }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<DecisionResult | null>(null);
  const busy = useRef(false);
  const open = task.status === 'open' && !result;
  const decide = async (decision: 'merge' | 'separate') => {
    if (!open || busy.current) return;
    busy.current = true;
    try {
      setResult(await decideTask(task.id, decision, reason));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      busy.current = false;
    }
  };
  const next = async () => {
    try {
      const nextId = await nextTaskId(task.id);
      navigate(nextId ? href('task', nextId) : href('queue'));
    } catch (e) {
      setError(e);
    }
  };
  useKeys({ m: () => void decide('merge'), s: () => void decide('separate'), n: () => void next() });
  const columns = records.map((r) => ({
    key: `${r.sourceSystem}/${r.sourceRecordId}`,
    title: (
      <>
        {r.sourceSystem} / {r.sourceRecordId}
        <br />
        {r.customerId ? <a href={href('customer', r.customerId)}>customer {r.customerId}</a> : 'no customer'}
      </>
    ),
    values: Object.fromEntries(RECORD_FIELDS.map((f) => [f, rawValue(r.raw, f)])),
  }));
  return (
    <div class="compare">
      <p>
        Match probability <strong class="score">{pct(task.probability)}</strong> (weight {task.weight.toFixed(2)}),
        value at stake {money(task.priorityValue)}. Status:{' '}
        <strong class="status">{result?.task.status ?? task.status}</strong>
      </p>
      <div class="compare-grid">
        <AlignedTable fields={RECORD_FIELDS} columns={columns} />
        <div>
          <h3>Why this score</h3>
          <WeightChart explanation={task.explanation} />
        </div>
      </div>
      <ErrorBox error={error} />
      {open ? (
        <div class="decision">
          <textarea
            name="reason"
            placeholder="Reason (kept in the audit trail)"
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <button class="merge" onClick={() => void decide('merge')}>
            Merge <kbd>m</kbd>
          </button>
          <button class="separate" onClick={() => void decide('separate')}>
            Keep separate <kbd>s</kbd>
          </button>
          <button onClick={() => void next()}>
            Next <kbd>n</kbd>
          </button>
        </div>
      ) : (
        <p class="notice decided">
          {result ? `Decided: ${result.task.status}. ` : `Already decided (${task.status}). `}
          {result && (
            <a href={href('customer', result.customer.id)}>
              Customer {result.customer.id}: {result.customer.recordCount} records, value{' '}
              {money(result.customer.totalValue)}
            </a>
          )}{' '}
          <button onClick={() => void next()}>
            Next task <kbd>n</kbd>
          </button>
        </p>
      )}
    </div>
  );
}
