// The dashboard's arithmetic, kept out of the components so it is tested alone:
// periods, changes against the previous period, and series laid out for charts.
import { parseNumber, type Parsed } from "../shared/validate";
import type { AggregatedMetrics, DurationBar, Series } from "../types";

export interface Period {
  key: string;
  hours: number;
  /** For the buttons: "1 h". */
  short: string;
  /** For sentences: "the last hour". */
  long: string;
}

export const PERIODS: readonly Period[] = [
  { key: "1h", hours: 1, short: "1 h", long: "the last hour" },
  { key: "24h", hours: 24, short: "24 h", long: "the last 24 hours" },
  { key: "1w", hours: 168, short: "1 week", long: "the last week" },
];

/** The longest period the backend answers for: 400 days. */
export const MAX_PERIOD_HOURS = 9600;

/** A period typed in hours ("36", "2.5"). */
export function customPeriod(text: string): Parsed<Period> {
  const parsed = parseNumber(text, { min: 0, max: MAX_PERIOD_HOURS, exclusiveMin: true, unit: "hours" });
  if (!parsed.ok) return parsed;
  return { ok: true, value: periodOf(parsed.value) };
}

/** The period of `h` hours, named: a known one or a custom one. */
export function periodOf(h: number): Period {
  const known = PERIODS.find((p) => p.hours === h);
  if (known) return known;
  const days = h >= 48 && h % 24 === 0 ? `${h / 24} days` : `${h} h`;
  return { key: `custom:${h}`, hours: h, short: days, long: `the last ${days}` };
}

export type Direction = "up" | "down" | "flat" | "new";

export interface Change {
  direction: Direction;
  /** Percent change; null when there was nothing before (or nothing at all). */
  percent: number | null;
}

/** How `current` moved from `previous`. Under 0.5 % either way is flat. */
export function change(current: number, previous: number): Change {
  if (previous === 0) return current === 0 ? { direction: "flat", percent: null } : { direction: "new", percent: null };
  const percent = ((current - previous) / Math.abs(previous)) * 100;
  if (Math.abs(percent) < 0.5) return { direction: "flat", percent: 0 };
  return { direction: percent > 0 ? "up" : "down", percent };
}

/** A change in points (for rates that are already percentages). */
export function pointChange(current: number, previous: number, hadRuns: boolean): Change {
  if (!hadRuns) return { direction: "new", percent: null };
  const diff = current - previous;
  if (Math.abs(diff) < 0.05) return { direction: "flat", percent: 0 };
  return { direction: diff > 0 ? "up" : "down", percent: diff };
}

/** Whether a move is good news: more cost or time is bad, more success is good. */
export type Better = "higher" | "lower" | "neither";

export function tone(c: Change, better: Better): "good" | "bad" | "neutral" {
  if (better === "neither" || c.direction === "flat" || c.direction === "new") return "neutral";
  return (c.direction === "up") === (better === "higher") ? "good" : "bad";
}

/** "+12 %", "−3.4 pts", "new", "no change". */
export function describeChange(c: Change, unit: "%" | "pts" = "%"): string {
  if (c.direction === "new") return "new";
  if (c.direction === "flat" || c.percent === null) return "no change";
  const n = Math.abs(c.percent);
  const text = n >= 10 ? Math.round(n).toString() : n.toFixed(1);
  return `${c.percent > 0 ? "+" : "−"}${text} ${unit}`;
}

/** The four summary cards' figures and their change against the previous period. */
export function summaryCards(current: AggregatedMetrics, previous: AggregatedMetrics) {
  const hadRuns = previous.totalExecutions > 0;
  const ran = current.totalExecutions > 0;
  const rate = (m: AggregatedMetrics) => m.successRate ?? 0;
  const time = (m: AggregatedMetrics) => m.avgExecutionTime ?? 0;
  return {
    cost: { value: current.totalCost, change: change(current.totalCost, previous.totalCost), better: "lower" as Better },
    executions: {
      value: current.totalExecutions,
      change: change(current.totalExecutions, previous.totalExecutions),
      better: "neither" as Better,
    },
    successRate: {
      value: ran ? rate(current) : null,
      change: ran ? pointChange(rate(current), rate(previous), hadRuns) : change(0, 0),
      better: "higher" as Better,
    },
    avgTime: {
      value: ran ? time(current) : null,
      change: ran && hadRuns ? change(time(current), time(previous)) : ran ? change(1, 0) : change(0, 0),
      better: "lower" as Better,
    },
  };
}

/** Columns for uPlot: x in seconds, one array per measure, every bucket present. */
export interface Columns {
  /** Bucket starts, seconds. */
  t: number[];
  /** Bucket ends (the last one at `to`), seconds: where `cumulativeCost` is drawn. */
  ends: number[];
  executions: number[];
  failures: number[];
  succeeded: number[];
  cost: number[];
  /** Spend so far in the period, at each bucket's end. */
  cumulativeCost: number[];
  /** Mean run time; null where a bucket had no runs (the line breaks there). */
  avgTime: (number | null)[];
}

/** Most buckets drawn: past this, buckets are merged so a chart never gets slow. */
export const MAX_POINTS = 12_000;

/** Bars drawn at most: more would be thinner than a pixel or two. */
export const MAX_BARS = 120;

/**
 * Lays the sparse series out over `[from, to)`, filling empty buckets with zeros,
 * merging neighbours when there would be more than `maxPoints` (lines take every
 * minute of a week; bars are merged to `MAX_BARS` so each stays visible).
 */
export function columns(series: Series, from: number, to: number, maxPoints: number = MAX_POINTS): Columns {
  let width = series.bucketMs > 0 ? series.bucketMs : 60_000;
  const start = Math.floor(from / width) * width;
  let n = Math.max(1, Math.ceil((to - start) / width));
  if (n > maxPoints) {
    width *= Math.ceil(n / maxPoints);
    n = Math.ceil((to - start) / width);
  }
  const out: Columns = { t: [], ends: [], executions: [], failures: [], succeeded: [], cost: [], cumulativeCost: [], avgTime: [] };
  const timeSum: number[] = [];
  // Runs whose bucket had a mean time: a bucket without one must not pull the mean down.
  const timedRuns: number[] = [];
  for (let i = 0; i < n; i++) {
    out.t.push((start + i * width) / 1000);
    out.ends.push(Math.min(start + (i + 1) * width, to) / 1000);
    out.executions.push(0);
    out.failures.push(0);
    out.cost.push(0);
    timeSum.push(0);
    timedRuns.push(0);
  }
  for (const p of series.points) {
    const i = Math.floor((p.t - start) / width);
    if (i < 0 || i >= n) continue;
    out.executions[i]! += p.executions;
    out.failures[i]! += p.failures;
    out.cost[i]! += p.cost;
    if (p.avgExecutionTime !== null) {
      timeSum[i]! += p.avgExecutionTime * p.executions;
      timedRuns[i]! += p.executions;
    }
  }
  let running = 0;
  for (let i = 0; i < n; i++) {
    const runs = out.executions[i]!;
    out.succeeded.push(runs - out.failures[i]!);
    running += out.cost[i]!;
    out.cumulativeCost.push(running);
    out.avgTime.push(timedRuns[i]! > 0 ? timeSum[i]! / timedRuns[i]! : null);
  }
  return out;
}

/** Seconds for people: "340 ms", "2.4 s", "1 min 5 s". */
export function formatSeconds(s: number | null | undefined): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return "—";
  if (s < 0.001) return "<1 ms";
  // Round first, then split: 119.6 s is "2 min 0 s", not "1 min 60 s".
  if (Math.round(s * 1000) < 1000) return `${Math.round(s * 1000)} ms`;
  if (Math.round(s * 10) < 600) return `${s.toFixed(1)} s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/** A bar's edge in the run-time distribution: microseconds below a millisecond. */
export function formatEdge(s: number): string {
  return s < 0.001 ? `${Math.max(1, Math.round(s * 1e6))} µs` : formatSeconds(s);
}

/**
 * The run-time distribution's bars: "< 2.0 s" for each bound; the last, open-ended
 * one (`upper: null`) holds the runs from the bound before it up.
 */
export function durationBars(bars: readonly DurationBar[]): { label: string; value: number; detail: string }[] {
  return bars.map((b, i) => {
    const below = i > 0 ? bars[i - 1]!.upper : null;
    const label = b.upper !== null ? `< ${formatEdge(b.upper)}` : below !== null ? `≥ ${formatEdge(below)}` : "Any time";
    return { label, value: b.count, detail: b.count.toLocaleString() };
  });
}

/** Token counts compactly: "950", "12.3k", "4.1M". */
export function formatTokensShort(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}
