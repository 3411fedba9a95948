// A small horizontal bar chart drawn in SVG. Every bar carries its label and its number as
// text, so the chart reads without colour; the figure's caption names what it counts.
import { useId } from 'react';

export function BarChart({ title, data, unit = 'cases' }: { title: string; data: [string, number][]; unit?: string }) {
  const id = useId();
  const max = Math.max(1, ...data.map(([, n]) => n));
  const ROW = 26;
  const LABEL = 190;
  const BAR = 300;
  const height = Math.max(1, data.length) * ROW + 6;
  const summary = data.length ? data.map(([l, n]) => `${l}: ${n}`).join(', ') : `no ${unit}`;
  return (
    <figure className="chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>{title}</figcaption>
      {data.length === 0 ? (
        <p className="hint">No {unit} to show.</p>
      ) : (
        <svg role="img" aria-label={`${title}: ${summary}`} viewBox={`0 0 ${LABEL + BAR + 60} ${height}`} width="100%" style={{ maxWidth: LABEL + BAR + 60 }}>
          {data.map(([label, n], i) => {
            const y = i * ROW + 4;
            const w = Math.max(2, Math.round((n / max) * BAR));
            return (
              <g key={label}>
                <text x={LABEL - 8} y={y + 15} textAnchor="end" className="chart-label">
                  {label.length > 28 ? label.slice(0, 27) + '…' : label}
                </text>
                <rect x={LABEL} y={y} width={w} height={ROW - 8} rx={3} className="chart-bar" />
                <text x={LABEL + w + 6} y={y + 15} className="chart-value">
                  {n}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
