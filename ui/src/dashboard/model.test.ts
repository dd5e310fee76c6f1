import { describe, expect, it } from "vitest";
import { aggregated } from "../test/fixtures";
import {
  MAX_POINTS,
  change,
  columns,
  customPeriod,
  describeChange,
  durationBars,
  formatSeconds,
  formatTokensShort,
  periodOf,
  pointChange,
  summaryCards,
  tone,
} from "./model";

describe("periods", () => {
  it("reads a custom period in hours and names it", () => {
    expect(customPeriod("24")).toEqual({ ok: true, value: expect.objectContaining({ key: "24h", short: "24 h" }) });
    expect(customPeriod("72")).toEqual({ ok: true, value: expect.objectContaining({ hours: 72, short: "3 days", long: "the last 3 days" }) });
    expect(customPeriod("2.5")).toEqual({ ok: true, value: expect.objectContaining({ hours: 2.5, short: "2.5 h" }) });
    for (const bad of ["0", "-1", "abc", "", "9601", "1e3"]) expect(customPeriod(bad).ok, bad).toBe(false);
  });

  it("names a period from its hours", () => {
    expect(periodOf(168)).toEqual(expect.objectContaining({ key: "1w", long: "the last week" }));
    expect(periodOf(72)).toEqual(expect.objectContaining({ key: "custom:72", short: "3 days" }));
  });
});

describe("changes", () => {
  it("gives the direction and percent, flat under half a percent, new from nothing", () => {
    expect(change(120, 100)).toEqual({ direction: "up", percent: 20 });
    expect(change(50, 100)).toEqual({ direction: "down", percent: -50 });
    expect(change(100.2, 100)).toEqual({ direction: "flat", percent: 0 });
    expect(change(5, 0)).toEqual({ direction: "new", percent: null });
    expect(change(0, 0)).toEqual({ direction: "flat", percent: null });
    expect(pointChange(90, 95, true)).toEqual({ direction: "down", percent: -5 });
    expect(pointChange(90, 0, false)).toEqual({ direction: "new", percent: null });
  });

  it("says whether a move is good news", () => {
    expect(tone(change(120, 100), "lower")).toBe("bad");
    expect(tone(change(80, 100), "lower")).toBe("good");
    expect(tone(change(80, 100), "higher")).toBe("bad");
    expect(tone(change(80, 100), "neither")).toBe("neutral");
    expect(tone(change(1, 0), "higher")).toBe("neutral");
  });

  it("describes changes for people", () => {
    expect(describeChange(change(120, 100))).toBe("+20 %");
    expect(describeChange(change(96.6, 100))).toBe("−3.4 %");
    expect(describeChange(pointChange(97.5, 95, true), "pts")).toBe("+2.5 pts");
    expect(describeChange(change(3, 0))).toBe("new");
    expect(describeChange(change(0, 0))).toBe("no change");
  });

  it("builds the four summary cards against the previous period", () => {
    const now = aggregated({ totalExecutions: 40, successRate: 90, totalCost: 0.5, avgExecutionTime: 2 });
    const before = aggregated({ totalExecutions: 20, successRate: 95, totalCost: 0.25, avgExecutionTime: 4 });
    const cards = summaryCards(now, before);
    expect(cards.cost.change).toEqual({ direction: "up", percent: 100 });
    expect(tone(cards.cost.change, cards.cost.better)).toBe("bad");
    expect(cards.executions.change.percent).toBe(100);
    expect(cards.successRate.change).toEqual({ direction: "down", percent: -5 });
    expect(tone(cards.avgTime.change, cards.avgTime.better)).toBe("good");
    // No runs now: no rate or time to compare.
    const idle = summaryCards(aggregated({ totalExecutions: 0 }), before);
    expect(idle.successRate.value).toBeNull();
    expect(idle.avgTime.value).toBeNull();
  });
});

describe("columns", () => {
  const minute = 60_000;
  const from = Date.UTC(2026, 10, 28, 10, 0);

  it("fills empty buckets, keeps sums, and accumulates spend", () => {
    const cols = columns(
      {
        bucketMs: minute,
        points: [
          { t: from + minute, executions: 2, failures: 1, cost: 0.01, tokens: 100, avgExecutionTime: 1.5 },
          { t: from + 3 * minute, executions: 1, failures: 0, cost: 0.02, tokens: 50, avgExecutionTime: 3 },
        ],
      },
      from,
      from + 5 * minute,
    );
    expect(cols.t).toEqual([0, 1, 2, 3, 4].map((i) => (from + i * minute) / 1000));
    expect(cols.executions).toEqual([0, 2, 0, 1, 0]);
    expect(cols.failures).toEqual([0, 1, 0, 0, 0]);
    expect(cols.succeeded).toEqual([0, 1, 0, 1, 0]);
    expect(cols.cumulativeCost.map((c) => Number(c.toFixed(4)))).toEqual([0, 0.01, 0.01, 0.03, 0.03]);
    expect(cols.avgTime).toEqual([null, 1.5, null, 3, null]);
  });

  it("puts spend so far at each bucket's end, the last one at the period's end", () => {
    const cols = columns(
      { bucketMs: minute, points: [{ t: from, executions: 1, failures: 0, cost: 0.01, tokens: 10, avgExecutionTime: 1 }] },
      from,
      from + 2.5 * minute,
    );
    // The first minute's spend is only all spent once that minute is over.
    expect(cols.ends).toEqual([from + minute, from + 2 * minute, from + 2.5 * minute].map((ms) => ms / 1000));
    expect(cols.ends).toHaveLength(cols.cumulativeCost.length);
    expect(cols.cumulativeCost).toEqual([0.01, 0.01, 0.01]);
  });

  it("averages run time over the runs that have one when merging buckets", () => {
    const cols = columns(
      {
        bucketMs: minute,
        points: [
          { t: from, executions: 1, failures: 0, cost: 0, tokens: 0, avgExecutionTime: 2 },
          { t: from + minute, executions: 3, failures: 3, cost: 0, tokens: 0, avgExecutionTime: null },
          { t: from + 2 * minute, executions: 1, failures: 0, cost: 0, tokens: 0, avgExecutionTime: 4 },
        ],
      },
      from,
      from + 4 * minute,
      2,
    );
    expect(cols.executions).toEqual([4, 1]);
    expect(cols.avgTime).toEqual([2, 4]);
    // Runs but no time at all: no mean, not 0.
    const untimed = columns({ bucketMs: minute, points: [{ t: from, executions: 2, failures: 2, cost: 0, tokens: 0, avgExecutionTime: null }] }, from, from + minute);
    expect(untimed.avgTime).toEqual([null]);
  });

  it("merges buckets past the drawing limit without losing a run", () => {
    const weekOfMinutes = 7 * 24 * 60;
    const points = Array.from({ length: weekOfMinutes }, (_, i) => ({
      t: from + i * minute,
      executions: 1,
      failures: i % 10 === 0 ? 1 : 0,
      cost: 0.001,
      tokens: 10,
      avgExecutionTime: 2,
    }));
    const week = columns({ bucketMs: minute, points }, from, from + weekOfMinutes * minute);
    expect(week.t.length).toBe(weekOfMinutes);
    const year = columns({ bucketMs: minute, points }, from, from + 20_000 * minute);
    expect(year.t.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(year.executions.reduce((a, b) => a + b, 0)).toBe(weekOfMinutes);
    expect(year.failures.reduce((a, b) => a + b, 0)).toBe(weekOfMinutes / 10 + (weekOfMinutes % 10 ? 1 : 0));
    expect(year.avgTime.find((v) => v !== null)).toBeCloseTo(2);
  });
});

describe("run-time distribution", () => {
  it("labels the open-ended last bar from the bound before it", () => {
    const bars = durationBars([
      { upper: 0.0005, count: 1 },
      { upper: 2, count: 3 },
      { upper: null, count: 1200 },
    ]);
    expect(bars.map((b) => b.label)).toEqual(["< 500 µs", "< 2.0 s", "≥ 2.0 s"]);
    expect(bars[2]).toEqual(expect.objectContaining({ value: 1200, detail: (1200).toLocaleString() }));
    expect(durationBars([{ upper: null, count: 4 }])[0]!.label).toBe("Any time");
  });
});

describe("formatting", () => {
  it("formats seconds and tokens compactly", () => {
    expect(formatSeconds(0.0004)).toBe("<1 ms");
    expect(formatSeconds(0.34)).toBe("340 ms");
    expect(formatSeconds(2.44)).toBe("2.4 s");
    expect(formatSeconds(65)).toBe("1 min 5 s");
    // Rounded before splitting: never "1 min 60 s" or "60.0 s".
    expect(formatSeconds(119.6)).toBe("2 min 0 s");
    expect(formatSeconds(120)).toBe("2 min 0 s");
    expect(formatSeconds(119.4)).toBe("1 min 59 s");
    expect(formatSeconds(59.97)).toBe("1 min 0 s");
    expect(formatSeconds(0.9996)).toBe("1.0 s");
    expect(formatSeconds(null)).toBe("—");
    expect(formatTokensShort(950)).toBe("950");
    expect(formatTokensShort(12_345)).toBe("12k");
    expect(formatTokensShort(1_234)).toBe("1.2k");
    expect(formatTokensShort(4_100_000)).toBe("4.1M");
  });
});
