import type { TimeSeries } from "../shared/charts/TimeChart";
import type { Columns } from "./model";

const count = (v: number) => v.toFixed(0);

/**
 * Runs per bucket as stacked bars. uPlot draws bars of one slot over each other, not
 * on top: so the total goes first and the failures over its foot, leaving the
 * successes showing above them. The legend still reads the successes.
 */
export function runSeries(cols: Pick<Columns, "executions" | "failures" | "succeeded">): TimeSeries[] {
  return [
    { label: "Succeeded", color: "--accent", values: cols.executions, legend: cols.succeeded, kind: "bars", format: count, integer: true },
    { label: "Failed", color: "--danger", values: cols.failures, kind: "bars", format: count, integer: true },
  ];
}
