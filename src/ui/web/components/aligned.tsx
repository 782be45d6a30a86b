/**
 * Two or more records side by side, one row per field; a row whose non-empty values disagree is
 * highlighted (compared case- and space-insensitively), a row where they agree is marked same.
 */
import type { ComponentChildren } from 'preact';

export interface Column {
  key: string;
  title: ComponentChildren;
  values: Record<string, string>;
}

const norm = (v: string) => v.trim().toLowerCase().replace(/\s+/g, ' ');

export function rowState(values: string[]): 'same' | 'diff' | 'partial' | 'empty' {
  const present = values.map(norm).filter(Boolean);
  if (present.length === 0) return 'empty';
  if (new Set(present).size > 1) return 'diff';
  return present.length === values.length ? 'same' : 'partial';
}

export function AlignedTable({ fields, columns }: { fields: readonly string[]; columns: Column[] }) {
  const rows = fields.filter((f) => columns.some((c) => c.values[f]));
  return (
    <table class="aligned">
      <thead>
        <tr>
          <th>Field</th>
          {columns.map((c) => (
            <th key={c.key}>{c.title}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => {
          const state = rowState(columns.map((c) => c.values[f] ?? ''));
          return (
            <tr key={f} class={state} data-field={f}>
              <th>{f.replace(/_/g, ' ')}</th>
              {columns.map((c) => (
                <td key={c.key}>{c.values[f] ?? ''}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
