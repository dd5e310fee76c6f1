export interface Bar {
  label: string;
  value: number;
  /** Shown at the end of the bar: "$0.42 · 120 calls". */
  detail: string;
}

interface Props {
  title: string;
  bars: Bar[];
  /** What to say when there are no bars. */
  empty: string;
  testId: string;
  /** A CSS colour variable for the bars. */
  color?: string;
}

/**
 * Horizontal bars scaled to the largest value: breakdowns people compare at a glance.
 * Plain elements, so they print, zoom and read out like text.
 */
export function BarList({ title, bars, empty, testId, color = "--accent" }: Props) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  return (
    <figure className="bar-list" data-testid={testId}>
      <figcaption className="chart-title">{title}</figcaption>
      {bars.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {/* Labels may repeat (two models, one name): key by place. */}
          {bars.map((b, i) => (
            <li key={i}>
              <span className="bar-label" title={b.label}>
                {b.label}
              </span>
              <span className="bar-track" aria-hidden="true">
                <span
                  className="bar-fill"
                  style={{ width: `${max > 0 && b.value > 0 ? Math.max(1, (b.value / max) * 100) : 0}%`, background: `var(${color})` }}
                />
              </span>
              <span className="bar-detail">{b.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
