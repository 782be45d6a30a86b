/** Data quality per source system: problem counts, drill-down to the codes and to sample records. */
import { useState } from 'preact/hooks';
import { api, enc } from '../api.js';
import { ErrorBox, Loading, useAsync } from '../components/async.js';
import { RECORD_FIELDS, pct, rawValue } from '../format.js';
import { href } from '../route.js';
import type { QualityReport, SourceQuality, StoredRecord } from '../types.js';

export function QualityScreen({ system }: { system: string | null }) {
  const state = useAsync(() => api<QualityReport>('GET', '/quality/sources?live=true'), []);
  return (
    <section>
      <h2>Data quality</h2>
      <Loading state={state}>
        {() => (
          <>
            <table class="quality">
              <thead>
                <tr>
                  <th>System</th>
                  <th class="num">Records</th>
                  <th class="num">Duplicates</th>
                  <th class="num">With problems</th>
                  <th class="num">Bad address</th>
                  <th class="num">Bad phone</th>
                  <th class="num">Bad email</th>
                  <th class="num">No name</th>
                </tr>
              </thead>
              <tbody>
                {state.data!.sources.map((s) => (
                  <tr
                    key={s.sourceSystem}
                    class={s.sourceSystem === system ? 'selected' : ''}
                    data-system={s.sourceSystem}
                  >
                    <td>
                      <a href={href('quality', s.sourceSystem)}>{s.sourceSystem}</a>
                    </td>
                    <td class="num">{s.records}</td>
                    <td class="num">
                      {s.duplicateRecords} <span class="muted">({pct(s.duplicateRate)})</span>
                    </td>
                    <td class="num">{s.recordsWithProblems}</td>
                    <td class="num">{s.invalidAddresses}</td>
                    <td class="num">{s.invalidPhones}</td>
                    <td class="num">{s.invalidEmails}</td>
                    <td class="num">{s.missingRequired}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {system && <Problems source={state.data!.sources.find((s) => s.sourceSystem === system)} />}
          </>
        )}
      </Loading>
    </section>
  );
}

function Problems({ source }: { source: SourceQuality | undefined }) {
  const [sample, setSample] = useState<StoredRecord | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!source) return <p class="muted">No such source system.</p>;
  const open = async (id: string) => {
    try {
      setSample(await api<StoredRecord>('GET', `/records/${enc(source.sourceSystem)}/${enc(id)}`));
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div class="drill">
      <h3>Problems in {source.sourceSystem}</h3>
      <table class="problems">
        <tbody>
          {source.problems.map((p) => (
            <tr key={p.code} data-code={p.code}>
              <td>{p.code}</td>
              <td>{p.severity}</td>
              <td class="num">{p.records}</td>
              <td>
                {p.sampleRecordIds.map((id) => (
                  <button key={id} class="sample" onClick={() => void open(id)}>
                    {id}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorBox error={error} />
      {sample && <SampleRecord record={sample} />}
    </div>
  );
}

function SampleRecord({ record }: { record: StoredRecord }) {
  const bad = new Set(record.problems.map((p) => p.field));
  return (
    <div class="sample-record">
      <h4>
        {record.sourceSystem} / {record.sourceRecordId}{' '}
        {record.customerId && <a href={href('customer', record.customerId)}>customer {record.customerId}</a>}
      </h4>
      <table>
        <tbody>
          {RECORD_FIELDS.filter((f) => rawValue(record.raw, f) || bad.has(f)).map((f) => (
            <tr key={f} class={bad.has(f) ? 'diff' : ''}>
              <th>{f}</th>
              <td>{rawValue(record.raw, f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul>
        {record.problems.map((p, i) => (
          <li key={i}>
            <b>{p.code}</b> ({p.field}): “{p.value}”
          </li>
        ))}
      </ul>
    </div>
  );
}
