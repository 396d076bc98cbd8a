import { ChartFigure, ChartSvg, niceMax } from './chart-figure';

export type StackedDay = { day: string; published: number; unpublished: number };

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 44;
const BOTTOM = 24;
const TOP = 8;

/** Articles per day as columns, published below and not published stacked on top, with a legend and a y axis. */
export function StackedColumns({ id, title, summary, days }: { id: string; title: string; summary: string; days: StackedDay[] }) {
  const max = niceMax(Math.max(0, ...days.map((day) => day.published + day.unpublished)));
  const plotWidth = WIDTH - LEFT - 4;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = plotWidth / Math.max(1, days.length);
  const barWidth = Math.max(1, step * 0.8);
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  const labelEvery = Math.ceil(days.length / 8);
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={summary}
      columns={[
        { key: 'day', label: 'Day (UTC)' },
        { key: 'published', label: 'Published', numeric: true },
        { key: 'unpublished', label: 'Not published', numeric: true },
        { key: 'total', label: 'Total', numeric: true },
      ]}
      rows={days.map((day) => ({ ...day, total: day.published + day.unpublished }))}
    >
      <p className="chart-legend" aria-hidden="true">
        <span className="swatch chart-bar" /> published <span className="swatch chart-bar-alt" /> not published
      </p>
      <ChartSvg id={id} title={title} summary={summary} width={WIDTH} height={HEIGHT}>
        {[0, max / 2, max].map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} className="chart-grid" />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" className="chart-text">
              {tick.toLocaleString('en')}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          const x = LEFT + index * step + (step - barWidth) / 2;
          return (
            <g key={day.day}>
              <rect x={x} y={y(day.published)} width={barWidth} height={y(0) - y(day.published)} className="chart-bar" />
              <rect
                x={x}
                y={y(day.published + day.unpublished)}
                width={barWidth}
                height={y(day.published) - y(day.published + day.unpublished)}
                className="chart-bar-alt"
              />
              {index % labelEvery === 0 ? (
                <text x={x + barWidth / 2} y={HEIGHT - 6} textAnchor="middle" className="chart-text">
                  {day.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </ChartSvg>
    </ChartFigure>
  );
}
