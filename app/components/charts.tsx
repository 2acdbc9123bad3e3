import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDay, formatNumber, formatShortDay } from "~/utils/format";

// Small SVG charts drawn on the server, so they show without JavaScript and
// print; each comes with its numbers as a table for screen readers. Their
// geometry is left to right in every language (direction="ltr"): on a
// right-to-left page text-anchor "end" flips and labels slide under the bars.

type Datum = { label: string; value: number };

export function BarChart({
  title,
  data,
  valueLabel,
  labelHeader,
}: {
  title: string;
  data: Datum[];
  valueLabel: string;
  labelHeader: string;
}) {
  const id = useId();
  const { i18n } = useTranslation();
  const n = (x: number) => formatNumber(x, i18n.language);
  const max = Math.max(1, ...data.map((d) => d.value));
  const row = 26;
  const labelWidth = 230;
  const width = 560;
  const height = data.length * row + 4;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg
        direction="ltr"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        preserveAspectRatio="xMinYMin meet"
      >
        {data.map((d, i) => {
          const w = ((width - labelWidth - 50) * d.value) / max;
          const y = i * row + 2;
          return (
            <g key={d.label}>
              <text x={labelWidth - 8} y={y + 16} textAnchor="end" className="chart-label">
                {d.label.length > 32 ? `${d.label.slice(0, 31)}…` : d.label}
              </text>
              <rect
                x={labelWidth}
                y={y + 3}
                width={Math.max(w, d.value ? 2 : 0)}
                height={row - 8}
                className="chart-bar"
                rx="2"
              />
              <text x={labelWidth + w + 6} y={y + 16} className="chart-value">
                {n(d.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <DataTable headers={[labelHeader, valueLabel]} rows={data.map((d) => [d.label, n(d.value)])} />
    </figure>
  );
}

export function LineChart({
  title,
  points,
  valueLabel,
  labelHeader,
}: {
  title: string;
  points: { date: string; count: number }[];
  valueLabel: string;
  labelHeader: string;
}) {
  const id = useId();
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const n = (x: number) => formatNumber(x, locale);
  const width = 560;
  const height = 180;
  const pad = { l: 40, r: 12, t: 10, b: 28 };
  const max = Math.max(1, ...points.map((p) => p.count));
  const x = (i: number) => pad.l + (points.length <= 1 ? 0 : (i * (width - pad.l - pad.r)) / (points.length - 1));
  const y = (v: number) => height - pad.b - (v * (height - pad.t - pad.b)) / max;
  const path = points.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(p.count).toFixed(1)}`).join(" ");
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg direction="ltr" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`}>
        <line x1={pad.l} y1={height - pad.b} x2={width - pad.r} y2={height - pad.b} className="chart-axis" />
        <line x1={pad.l} y1={pad.t} x2={pad.l} y2={height - pad.b} className="chart-axis" />
        <text x={pad.l - 6} y={y(max) + 4} textAnchor="end" className="chart-value">
          {n(max)}
        </text>
        <text x={pad.l - 6} y={height - pad.b + 4} textAnchor="end" className="chart-value">
          {n(0)}
        </text>
        {points.length ? (
          <>
            <text x={pad.l} y={height - 8} className="chart-value">
              {formatShortDay(points[0]!.date, locale)}
            </text>
            <text x={width - pad.r} y={height - 8} textAnchor="end" className="chart-value">
              {formatShortDay(points.at(-1)!.date, locale)}
            </text>
          </>
        ) : null}
        <path d={path} className="chart-line" />
        {points.map((p, i) => (
          <circle key={p.date} cx={x(i)} cy={y(p.count)} r="3" className="chart-dot" />
        ))}
      </svg>
      <DataTable
        headers={[labelHeader, valueLabel]}
        rows={points.map((p) => [formatDay(p.date, locale, "UTC"), n(p.count)])}
      />
    </figure>
  );
}

function DataTable({ headers, rows }: { headers: string[]; rows: string[][] }) {
  return (
    <details className="chart-data">
      <summary>{headers.join(" / ")}</summary>
      <table className="data compact">
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r[0]}>
              {r.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={i}>{c}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
