import { useEffect, useLayoutEffect, useRef, useState } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface TimeSeries {
  label: string;
  /** A CSS colour variable of the theme: "--accent", "--danger". */
  color: string;
  values: (number | null)[];
  /** What the legend shows, when it is not the drawn value (a stacked bar is drawn to its running total). */
  legend?: (number | null)[];
  kind: "line" | "bars" | "area" | "dashed" | "point";
  /** Formats values in the legend and axis. */
  format: (v: number) => string;
  /** Counts: the axis ticks whole numbers only. */
  integer?: boolean;
}

/** Tick steps for counts: never 0.5 of a run. */
const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 1_000_000];

interface Props {
  /** Names the chart for screen readers, with `summary`. */
  title: string;
  /** What the chart shows, in a sentence: read by screen readers, shown when it cannot draw. */
  summary: string;
  /** Seconds UTC: bucket starts, or bucket ends for running totals. */
  t: number[];
  series: TimeSeries[];
  /** Pixels. */
  height?: number;
  testId: string;
}

let drawable: boolean | null = null;
function canDraw(): boolean {
  drawable ??= document.createElement("canvas").getContext?.("2d") != null;
  return drawable;
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#888";
}

function options(series: TimeSeries[], width: number, height: number): uPlot.Options {
  const bars = uPlot.paths.bars?.({ size: [0.8, 40] });
  const axisColor = cssVar("--muted");
  const grid = { stroke: cssVar("--border"), width: 1 };
  const fmt = series[0]?.format ?? String;
  return {
    width,
    height,
    cursor: { drag: { x: true, y: false } },
    legend: { show: true },
    scales: { x: { time: true } },
    axes: [
      { stroke: axisColor, grid, ticks: grid },
      {
        stroke: axisColor,
        grid,
        ticks: grid,
        size: 60,
        incrs: series[0]?.integer ? WHOLE_STEPS : undefined,
        values: (_u, vals) => vals.map((v) => (v === null ? "" : fmt(v))),
      },
    ],
    series: [
      {},
      ...series.map((s) => {
        const color = cssVar(s.color);
        return {
          label: s.label,
          stroke: color,
          width: s.kind === "bars" ? 0 : 2,
          fill: s.kind === "bars" ? color : s.kind === "area" ? `${color}33` : undefined,
          dash: s.kind === "dashed" ? [6, 4] : undefined,
          paths: s.kind === "bars" ? bars : undefined,
          points: s.kind === "point" ? { show: true, size: 9, fill: color } : { show: false },
          ...(s.kind === "point" ? { width: 0 } : {}),
          spanGaps: false,
          value: (_u: uPlot, raw: number | null, _i: number, idx: number | null) => {
            const v = s.legend ? (idx === null ? null : (s.legend[idx] ?? null)) : raw;
            return v === null ? "—" : s.format(v);
          },
        } satisfies uPlot.Series;
      }),
    ],
  };
}

/**
 * A time-series chart (uPlot: canvas, fast with tens of thousands of points), sized
 * to its container and redrawn in the theme's colours when the theme changes.
 */
export function TimeChart({ title, summary, t, series, height = 200, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [theme, setTheme] = useState(0);
  const shape = series.map((s) => `${s.label}:${s.kind}:${s.color}`).join("|");
  // No canvas (a test DOM, no graphics), or uPlot could not make this chart: the summary stands in.
  const build = `${shape}/${height}/${theme}`;
  const [threwOn, setThrewOn] = useState<string | null>(null);
  const failed = !canDraw() || threwOn === build;
  // The data the chart is made with; later changes go through setData below.
  const data = useRef({ t, series });
  useLayoutEffect(() => {
    data.current = { t, series };
  });

  // The theme's colours are read when the chart is made: make it again when they change.
  useEffect(() => {
    const media = window.matchMedia?.("(prefers-color-scheme: dark)");
    const redraw = () => setTheme((n) => n + 1);
    media?.addEventListener?.("change", redraw);
    return () => media?.removeEventListener?.("change", redraw);
  }, []);

  // Only the shape and the theme rebuild the chart.
  useEffect(() => {
    const el = box.current;
    if (!el || !canDraw()) return;
    const { t, series } = data.current;
    try {
      const u = new uPlot(options(series, el.clientWidth || 600, height), [t, ...series.map((s) => s.values)] as uPlot.AlignedData, el);
      plot.current = u;
      const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth || 600, height }));
      resize.observe(el);
      return () => {
        resize.disconnect();
        u.destroy();
        plot.current = null;
      };
    } catch {
      // That uPlot cannot make this chart is known only by trying, here.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setThrewOn(build);
      return undefined;
    }
  }, [build, height]);

  useEffect(() => {
    plot.current?.setData([t, ...series.map((s) => s.values)] as uPlot.AlignedData);
  }, [t, series]);

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart-title">{title}</figcaption>
      <div ref={box} className="chart-canvas" role="img" aria-label={`${title}: ${summary}`} />
      {failed && <p className="muted chart-fallback">{summary}</p>}
    </figure>
  );
}
