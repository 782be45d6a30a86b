/**
 * Review queue: open tasks sorted by score or by customer value, filtered by source system and
 * score band, with counts per band. Keys: n / j next, k previous, Enter open, m merge, s separate.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, withQuery } from '../api.js';
import { ErrorBox, Loading, useAsync } from '../components/async.js';
import { money, pct } from '../format.js';
import { href, navigate } from '../route.js';
import type { ReviewTaskPage, SourceSystem } from '../types.js';
import { decideTask } from './decide.js';
import { useKeys } from '../components/keys.js';

export const BANDS: Record<string, { label: string; min?: number; max?: number }> = {
  all: { label: 'All scores' },
  high: { label: '≥ 90%', min: 0.9 },
  mid: { label: '70–90%', min: 0.7, max: 0.9 },
  low: { label: '< 70%', max: 0.7 },
};

const PAGE = 50;

export function QueueScreen({ params }: { params: URLSearchParams }) {
  const sort = params.get('sort') === 'value' ? 'value' : 'score';
  const system = params.get('system') ?? '';
  const band = BANDS[params.get('band') ?? 'all'] ? (params.get('band') ?? 'all') : 'all';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const set = (k: string, v: string) => {
    // Any filter change starts again at the first page.
    const next = { sort, system, band, offset: '', [k]: v };
    navigate(href('queue', null, Object.fromEntries(Object.entries(next).filter(([, x]) => x))));
  };
  const systems = useAsync(() => api<{ items: SourceSystem[] }>('GET', '/source-systems'), []);
  const query = (b: string, limit: number, from = 0) =>
    withQuery('/review-tasks', {
      status: 'open',
      sort,
      sourceSystem: system,
      minScore: BANDS[b]?.min,
      maxScore: BANDS[b]?.max,
      limit,
      offset: from || undefined,
    });
  const page = useAsync(() => api<ReviewTaskPage>('GET', query(band, PAGE, offset)), [sort, system, band, offset]);
  const counts = useAsync(
    async () =>
      Object.fromEntries(
        await Promise.all(
          Object.keys(BANDS).map(async (b) => [b, (await api<ReviewTaskPage>('GET', query(b, 1))).total]),
        ),
      ) as Record<string, number>,
    [sort, system, page.data],
  );
  return (
    <section>
      <h2>Review queue</h2>
      <div class="filters">
        <label>
          Sort{' '}
          <select name="sort" value={sort} onChange={(e) => set('sort', e.currentTarget.value)}>
            <option value="score">by score</option>
            <option value="value">by customer value</option>
          </select>
        </label>
        <label>
          Source system{' '}
          <select name="system" value={system} onChange={(e) => set('system', e.currentTarget.value)}>
            <option value="">all systems</option>
            {systems.data?.items.map((s) => (
              <option key={s.name} value={s.name}>
                {s.displayName}
              </option>
            ))}
          </select>
        </label>
        <span class="bands">
          {Object.entries(BANDS).map(([b, def]) => (
            <button key={b} class={b === band ? 'band active' : 'band'} data-band={b} onClick={() => set('band', b)}>
              {def.label} <span class="count">{counts.data?.[b] ?? '…'}</span>
            </button>
          ))}
        </span>
      </div>
      <ErrorBox error={systems.error} />
      <Loading state={page}>
        {() => <TaskTable page={page.data!} reload={page.reload} onPage={(o) => set('offset', o ? String(o) : '')} />}
      </Loading>
    </section>
  );
}

function TaskTable({
  page,
  reload,
  onPage,
}: {
  page: ReviewTaskPage;
  reload: () => void;
  onPage: (offset: number) => void;
}) {
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  useEffect(() => setSelected((s) => Math.min(s, Math.max(0, page.items.length - 1))), [page]);
  const task = page.items[selected];
  // One decision at a time, until the reloaded list arrives: a second key press before that would hit
  // the task just decided.
  const busy = useRef(false);
  useEffect(() => {
    busy.current = false;
  }, [page]);
  const decide = async (decision: 'merge' | 'separate') => {
    if (!task || busy.current) return;
    busy.current = true;
    try {
      const r = await decideTask(task.id, decision, '');
      setNotice(`${decision === 'merge' ? 'Merged into' : 'Kept apart; customer'} ${r.customer.id}`);
      setError(null);
      reload();
    } catch (e) {
      setError(e);
      busy.current = false;
    }
  };
  useKeys({
    n: () => setSelected((s) => Math.min(s + 1, page.items.length - 1)),
    j: () => setSelected((s) => Math.min(s + 1, page.items.length - 1)),
    k: () => setSelected((s) => Math.max(s - 1, 0)),
    Enter: () => task && navigate(href('task', task.id)),
    m: () => void decide('merge'),
    s: () => void decide('separate'),
  });
  if (page.items.length === 0) return <p class="muted empty">No open tasks match these filters.</p>;
  return (
    <>
      <ErrorBox error={error} />
      {notice && <p class="notice">{notice}</p>}
      <p class="muted">
        {page.total} open task{page.total === 1 ? '' : 's'}; showing {page.offset + 1}–{page.offset + page.items.length}
        .{' '}
        <button class="page" disabled={page.offset === 0} onClick={() => onPage(Math.max(0, page.offset - page.limit))}>
          ← previous
        </button>{' '}
        <button
          class="page"
          disabled={page.offset + page.items.length >= page.total}
          onClick={() => onPage(page.offset + page.limit)}
        >
          next page →
        </button>{' '}
        Keys: <kbd>n</kbd> next, <kbd>k</kbd> previous, <kbd>Enter</kbd> compare, <kbd>m</kbd> merge, <kbd>s</kbd>{' '}
        separate.
      </p>
      <table class="tasks">
        <thead>
          <tr>
            <th>Score</th>
            <th>Value at stake</th>
            <th>Record A</th>
            <th>Record B</th>
            <th>Opened</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((t, i) => (
            <tr
              key={t.id}
              class={i === selected ? 'selected' : ''}
              data-task={t.id}
              onClick={() => setSelected(i)}
              onDblClick={() => navigate(href('task', t.id))}
            >
              <td>
                <a href={href('task', t.id)}>{pct(t.probability)}</a>
              </td>
              <td class="num">{money(t.priorityValue)}</td>
              <td>
                {t.recordA.sourceSystem} / {t.recordA.sourceRecordId} <span class="muted">{comparedName(t, 'A')}</span>
              </td>
              <td>
                {t.recordB.sourceSystem} / {t.recordB.sourceRecordId} <span class="muted">{comparedName(t, 'B')}</span>
              </td>
              <td>{t.createdAt.slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The name the engine compared (standardised, from the explanation): no extra request per row. */
function comparedName(t: ReviewTaskPage['items'][number], side: 'A' | 'B'): string {
  const value = (field: string) => {
    const f = t.explanation.fields.find((x) => x.field === field);
    return (side === 'A' ? f?.valueA : f?.valueB) ?? '';
  };
  return [value('givenName'), value('familyName')].filter(Boolean).join(' ') || value('organization');
}
