import './charts.css';

export interface StackSegment {
  key: string;
  label: string;
  value: number;
  className: string;
}

export interface StackRow {
  key: string;
  /** The code, shown left to right. */
  code: string;
  label: string;
  /** The label's own direction (a title may be in the other language). */
  labelDir?: 'rtl' | 'ltr';
  segments: StackSegment[];
}

const ROW_HEIGHT = 22;
const BAR_HEIGHT = 14;

/**
 * Horizontal stacked bars, one per row, scaled to the largest total. Bars start at the reading
 * side: from the right in Hebrew. Each row's numbers are also printed as text beside the chart.
 */
export function StackedBars({
  title,
  rows,
  dir,
  testId,
}: {
  title: string;
  rows: StackRow[];
  dir: 'rtl' | 'ltr';
  testId?: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((a, s) => a + s.value, 0)));
  const width = 100;
  const height = rows.length * ROW_HEIGHT;
  return (
    <figure className="chart stacked-bars" data-testid={testId}>
      <figcaption className="chart-title">{title}</figcaption>
      <div className="stacked-rows">
        <ul className="stacked-labels">
          {rows.map((r) => (
            <li key={r.key} style={{ height: ROW_HEIGHT }} title={r.label}>
              <bdi dir="ltr" className="ltr chart-code">
                {r.code}
              </bdi>{' '}
              <span className="chart-label" dir={r.labelDir}>
                {r.label}
              </span>
            </li>
          ))}
        </ul>
        <svg
          className="stacked-svg"
          viewBox={`0 0 ${width} ${height}`}
          preserveAspectRatio="none"
          height={height}
          role="img"
          aria-label={title}
        >
          <title>{title}</title>
          {rows.map((r, i) => {
            let at = 0;
            return (
              <g
                key={r.key}
                transform={`translate(0 ${i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2})`}
              >
                {r.segments.map((s) => {
                  const w = (s.value / max) * width;
                  const x = dir === 'rtl' ? width - at - w : at;
                  at += w;
                  return s.value > 0 ? (
                    <rect key={s.key} className={s.className} x={x} width={w} height={BAR_HEIGHT}>
                      <title>{`${r.code} ${s.label}: ${s.value}`}</title>
                    </rect>
                  ) : null;
                })}
              </g>
            );
          })}
        </svg>
        <ul className="stacked-numbers">
          {rows.map((r) => (
            <li key={r.key} style={{ height: ROW_HEIGHT }}>
              {r.segments.map((s) => (
                <bdi
                  key={s.key}
                  dir="ltr"
                  className={`ltr chart-number ${s.className}`}
                  title={s.label}
                >
                  {s.value}
                </bdi>
              ))}
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}
