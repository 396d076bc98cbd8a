import { ChartFigure, ChartSvg, niceMax, type TableColumn } from './chart-figure';

export type Bar = {
  label: string;
  value: number;
  /** Drawn as an outline behind the bar (e.g. last week). */ compare?: number;
  note?: string;
};

const WIDTH = 640;
const LABEL = 200;
const VALUE = 90;
const ROW = 26;

/** Horizontal bars, one per row, with the value written at the end; an optional comparison drawn as an outline. */
export function BarChart({
  id,
  title,
  summary,
  bars,
  valueLabel,
  compareLabel,
  max,
}: {
  id: string;
  title: string;
  summary: string;
  bars: Bar[];
  valueLabel: string;
  compareLabel?: string;
  /** Fixed end of the scale (e.g. the highest quality); otherwise a round number above the largest value. */
  max?: number;
}) {
  const top = max ?? niceMax(Math.max(0, ...bars.map((bar) => Math.max(bar.value, bar.compare ?? 0))));
  const plot = WIDTH - LABEL - VALUE;
  const height = Math.max(1, bars.length) * ROW + 8;
  const scale = (value: number) => (top === 0 ? 0 : (value / top) * plot);
  const columns: TableColumn[] = [
    { key: 'label', label: 'Name' },
    { key: 'value', label: valueLabel, numeric: true },
    ...(compareLabel ? [{ key: 'compare', label: compareLabel, numeric: true }] : []),
    ...(bars.some((bar) => bar.note) ? [{ key: 'note', label: 'Note' }] : []),
  ];
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={summary}
      columns={columns}
      rows={bars.map((bar) => ({ label: bar.label, value: bar.value, compare: bar.compare ?? 0, note: bar.note ?? '' }))}
    >
      <ChartSvg id={id} title={title} summary={summary} width={WIDTH} height={height}>
        {bars.length === 0 ? (
          <text x={0} y={18} className="chart-text">
            Nothing in this range.
          </text>
        ) : null}
        {bars.map((bar, index) => {
          const y = index * ROW + 4;
          const label = bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label;
          return (
            <g key={`${bar.label}-${index}`}>
              <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end" className="chart-text">
                {label}
              </text>
              {bar.compare !== undefined ? (
                <rect x={LABEL} y={y + 3} width={Math.max(0, scale(bar.compare))} height={ROW - 8} className="chart-compare" />
              ) : null}
              <rect x={LABEL} y={y + 6} width={Math.max(bar.value > 0 ? 1 : 0, scale(bar.value))} height={ROW - 14} className="chart-bar" />
              <text x={LABEL + scale(Math.max(bar.value, bar.compare ?? 0)) + 6} y={y + ROW / 2 + 4} className="chart-text">
                {bar.value.toLocaleString('en')}
                {bar.compare !== undefined ? ` (${bar.compare.toLocaleString('en')})` : ''}
              </text>
            </g>
          );
        })}
      </ChartSvg>
    </ChartFigure>
  );
}
