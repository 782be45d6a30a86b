/**
 * The match weight explained field by field as a waterfall (as Splink draws it): starting from the
 * prior, each field's log2 Bayes factor moves the running total up (green) or down (red); the last
 * bar is the total weight, labelled with the match probability.
 */
import { pct } from '../format.js';
import type { Explanation } from '../types.js';

interface Step {
  label: string;
  detail: string;
  from: number;
  to: number;
  kind: 'prior' | 'up' | 'down' | 'zero' | 'total';
  /** Hover text: the standardised values the engine compared. */
  tip: string;
}

const shown = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

function steps(e: Explanation): Step[] {
  const out: Step[] = [
    { label: 'prior', detail: '', from: 0, to: e.priorWeight, kind: 'prior', tip: 'prior: log2 of the prior odds' },
  ];
  let run = e.priorWeight;
  for (const f of e.fields) {
    const kind = f.weight > 0 ? 'up' : f.weight < 0 ? 'down' : 'zero';
    const tip = `${f.field} (${f.level}): ${shown(f.valueA)} vs ${shown(f.valueB)}`;
    out.push({ label: f.field, detail: f.level, from: run, to: run + f.weight, kind, tip });
    run += f.weight;
  }
  const tip = `total weight ${e.totalWeight.toFixed(2)}: match probability ${pct(e.probability)}`;
  out.push({ label: 'total', detail: pct(e.probability), from: 0, to: e.totalWeight, kind: 'total', tip });
  return out;
}

const ROW = 22;
const LABEL = 150;
const WIDTH = 560;

export function WeightChart({ explanation }: { explanation: Explanation }) {
  const all = steps(explanation);
  const values = all.flatMap((s) => [s.from, s.to]);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const span = hi - lo || 1;
  const x = (v: number) => LABEL + ((v - lo) / span) * (WIDTH - LABEL - 60);
  const height = all.length * ROW + 10;
  return (
    <svg class="waterfall" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img">
      <title>Match weight by field</title>
      <line x1={x(0)} x2={x(0)} y1={0} y2={height} class="axis" />
      {all.map((s, i) => {
        const y = i * ROW + 4;
        const left = x(Math.min(s.from, s.to));
        const w = Math.max(1, Math.abs(x(s.to) - x(s.from)));
        const delta = s.kind === 'total' || s.kind === 'prior' ? s.to : s.to - s.from;
        return (
          <g key={s.label} class={`step ${s.kind}`} data-field={s.label}>
            <title>{s.tip}</title>
            <text x={4} y={y + 14} class="label">
              {s.label}
              {s.detail && <tspan class="detail"> {s.detail}</tspan>}
            </text>
            <rect x={left} y={y} width={w} height={ROW - 6} />
            <text x={left + w + 4} y={y + 13} class="value">
              {delta >= 0 ? '+' : ''}
              {delta.toFixed(2)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
