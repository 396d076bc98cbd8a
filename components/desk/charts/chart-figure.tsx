import type { ReactNode } from 'react';

export type TableColumn = { key: string; label: string; numeric?: boolean };
export type TableRow = Record<string, string | number>;

/**
 * A chart with its text alternative: the SVG is labelled by its <title> and
 * <desc>, and the same figures are one click away as a table (for screen
 * readers, copying and anyone who would rather read than look).
 */
export function ChartFigure({
  id,
  title,
  summary,
  columns,
  rows,
  children,
}: {
  id: string;
  title: string;
  /** One sentence saying what the chart shows: the SVG's <desc>, and the figure's caption. */
  summary: string;
  columns: TableColumn[];
  rows: TableRow[];
  children: ReactNode;
}) {
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <strong>{title}</strong> <span className="chart-summary">{summary}</span>
      </figcaption>
      {children}
      <details className="chart-table">
        <summary>Table: {title.toLowerCase()}</summary>
        <div className="table-scroll">
          <table className="desk-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={columns.length} className="empty">
                    Nothing in this range.
                  </td>
                </tr>
              ) : null}
              {rows.map((row, index) => (
                <tr key={index}>
                  {columns.map((column, columnIndex) =>
                    columnIndex === 0 ? (
                      <th key={column.key} scope="row">
                        {row[column.key]}
                      </th>
                    ) : (
                      <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                        {typeof row[column.key] === 'number' ? row[column.key]!.toLocaleString('en') : row[column.key]}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** The SVG element every chart draws into: scales with its container, labelled by its own title and description. */
export function ChartSvg({
  id,
  title,
  summary,
  width,
  height,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  width: number;
  height: number;
  children: ReactNode;
}) {
  return (
    <svg
      className="chart-svg"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {children}
    </svg>
  );
}

/** A round upper bound for an axis: 1, 2 or 5 times a power of ten, at least `value`. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}
