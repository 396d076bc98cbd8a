import { ChartFigure, ChartSvg, niceMax } from './chart-figure';

export type Series = { name: string; total: number; days: { day: string; value: number }[] };

const WIDTH = 720;
const ROW = 40;
const LABEL = 170;

/** One row of day columns per series (each editor's changes per day), on one shared scale. */
export function SmallMultiples({ id, title, summary, series }: { id: string; title: string; summary: string; series: Series[] }) {
  const days = series[0]?.days.map((day) => day.day) ?? [];
  const max = niceMax(Math.max(0, ...series.flatMap((one) => one.days.map((day) => day.value))));
  const step = (WIDTH - LABEL - 8) / Math.max(1, days.length);
  const height = Math.max(1, series.length) * ROW + 4;
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={summary}
      columns={[
        { key: 'name', label: 'Editor' },
        { key: 'total', label: 'Changes', numeric: true },
        ...days.map((day) => ({ key: day, label: day, numeric: true })),
      ]}
      rows={series.map((one) => ({ name: one.name, total: one.total, ...Object.fromEntries(one.days.map((day) => [day.day, day.value])) }))}
    >
      <ChartSvg id={id} title={title} summary={summary} width={WIDTH} height={height}>
        {series.length === 0 ? (
          <text x={0} y={20} className="chart-text">
            No editor changed an article in this range.
          </text>
        ) : null}
        {series.map((one, row) => {
          const base = row * ROW + ROW - 6;
          return (
            <g key={one.name}>
              <text x={0} y={base - 10} className="chart-text">
                {one.name.length > 22 ? `${one.name.slice(0, 21)}…` : one.name} ({one.total.toLocaleString('en')})
              </text>
              <line x1={LABEL} x2={WIDTH} y1={base} y2={base} className="chart-grid" />
              {one.days.map((day, index) =>
                day.value > 0 ? (
                  <rect
                    key={day.day}
                    x={LABEL + index * step + step * 0.1}
                    y={base - (day.value / max) * (ROW - 10)}
                    width={Math.max(1, step * 0.8)}
                    height={(day.value / max) * (ROW - 10)}
                    className="chart-bar"
                  />
                ) : null,
              )}
            </g>
          );
        })}
      </ChartSvg>
    </ChartFigure>
  );
}
