import './charts.css';

export interface DaySeries {
  key: string;
  label: string;
  className: string;
}

export interface DayValues {
  day: string;
  values: Record<string, number>;
}

const HEIGHT = 120;
const BAR = 14;
const GAP = 10;

/**
 * Stacked columns per day, oldest first in reading order (so from the right in Hebrew), with a
 * table of the same numbers for screen readers and for reading exact values.
 */
export function DayBars({
  title,
  days,
  series,
  dir,
  caption,
  testId,
}: {
  title: string;
  days: DayValues[];
  series: DaySeries[];
  dir: 'rtl' | 'ltr';
  /** Header of the day column in the table. */
  caption: string;
  testId?: string;
}) {
  const total = (d: DayValues) => series.reduce((a, s) => a + (d.values[s.key] ?? 0), 0);
  const max = Math.max(1, ...days.map(total));
  const width = Math.max(1, days.length) * (BAR + GAP) + GAP;
  return (
    <figure className="chart day-bars" data-testid={testId}>
      <figcaption className="chart-title">{title}</figcaption>
      <svg
        className="day-svg"
        viewBox={`0 0 ${width} ${HEIGHT}`}
        width={Math.min(width, 480)}
        height={HEIGHT}
        role="img"
        aria-label={title}
      >
        <title>{title}</title>
        <line className="axis" x1={0} x2={width} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
        {days.map((d, i) => {
          const slot = dir === 'rtl' ? days.length - 1 - i : i;
          const x = GAP + slot * (BAR + GAP);
          let y = HEIGHT;
          return (
            <g key={d.day}>
              {series.map((s) => {
                const v = d.values[s.key] ?? 0;
                const h = (v / max) * (HEIGHT - 4);
                y -= h;
                return v > 0 ? (
                  <rect key={s.key} className={s.className} x={x} y={y} width={BAR} height={h}>
                    <title>{`${d.day} ${s.label}: ${v}`}</title>
                  </rect>
                ) : null;
              })}
            </g>
          );
        })}
      </svg>
      <table className="chart-table">
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                <span className={`legend-swatch ${s.className}`} aria-hidden="true" /> {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">
                <bdi dir="ltr" className="ltr">
                  {d.day}
                </bdi>
              </th>
              {series.map((s) => (
                <td key={s.key}>
                  <bdi dir="ltr" className="ltr">
                    {d.values[s.key] ?? 0}
                  </bdi>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
