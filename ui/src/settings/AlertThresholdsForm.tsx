import { backend } from "../backend";
import { useSettingsForm, type FieldErrors } from "../shared/useSettingsForm";
import { numberText, parseNumber, parseOptionalNumber } from "../shared/validate";
import type { AlertThresholds } from "../types";
import { NumberField, SettingsCard } from "./parts";

/** 400 days, as the backend allows. */
export const MAX_PERIOD_HOURS = 9600;
const DAY_SECONDS = 86_400;

interface Fields {
  maxErrorRate: string;
  maxAvgExecutionTime: string;
  maxP95ExecutionTime: string;
  maxAvgCost: string;
  periodHours: string;
  minExecutions: string;
}

const toFields = (t: AlertThresholds): Fields => ({
  maxErrorRate: numberText(t.maxErrorRate),
  maxAvgExecutionTime: numberText(t.maxAvgExecutionTime),
  maxP95ExecutionTime: numberText(t.maxP95ExecutionTime),
  maxAvgCost: numberText(t.maxAvgCost),
  periodHours: numberText(t.periodHours),
  minExecutions: numberText(t.minExecutions),
});

export function parseThresholds(f: Fields): { draft: AlertThresholds; errors: FieldErrors<Fields> } {
  const errors: FieldErrors<Fields> = {};
  const take = <T,>(name: keyof Fields, parsed: { ok: true; value: T } | { ok: false; error: string }, fallback: T): T => {
    if (parsed.ok) return parsed.value;
    errors[name] = parsed.error;
    return fallback;
  };
  const draft: AlertThresholds = {
    maxErrorRate: take("maxErrorRate", parseOptionalNumber(f.maxErrorRate, { min: 0, max: 100, unit: "%" }), null),
    maxAvgExecutionTime: take(
      "maxAvgExecutionTime",
      parseOptionalNumber(f.maxAvgExecutionTime, { min: 0, max: DAY_SECONDS, unit: "seconds" }),
      null,
    ),
    maxP95ExecutionTime: take(
      "maxP95ExecutionTime",
      parseOptionalNumber(f.maxP95ExecutionTime, { min: 0, max: DAY_SECONDS, unit: "seconds" }),
      null,
    ),
    maxAvgCost: take("maxAvgCost", parseOptionalNumber(f.maxAvgCost, { min: 0, max: 1_000_000, decimals: 9, unit: "dollars" }), null),
    periodHours: take(
      "periodHours",
      parseNumber(f.periodHours, { min: 0, max: MAX_PERIOD_HOURS, exclusiveMin: true, unit: "hours" }),
      1,
    ),
    minExecutions: take("minExecutions", parseNumber(f.minExecutions, { min: 1, max: 1_000_000, integer: true, unit: "runs" }), 1),
  };
  return { draft, errors };
}

/** When an agent's recent runs raise a performance alert. */
export function AlertThresholdsForm({ initial }: { initial: AlertThresholds }) {
  const form = useSettingsForm({ initial: toFields(initial), parse: parseThresholds, save: backend.setAlertThresholds, toFields });
  return (
    <SettingsCard
      id="thresholds"
      title="Performance alerts"
      intro="An agent whose recent runs go over one of these raises an alert on the dashboard (and a notification). Leave a limit empty to not watch it."
      form={form}
      saveLabel="Save alert limits"
    >
      <div className="grid">
        <NumberField form={form} name="maxErrorRate" id="max-error-rate" label="Error rate over" suffix="%" hint="0 to 100." placeholder="not watched" />
        <NumberField form={form} name="maxAvgExecutionTime" id="max-avg-time" label="Average time over" suffix="s" hint="Seconds per run." placeholder="not watched" />
        <NumberField form={form} name="maxP95ExecutionTime" id="max-p95-time" label="p95 time over" suffix="s" hint="19 runs in 20 are faster." placeholder="not watched" />
        <NumberField form={form} name="maxAvgCost" id="max-avg-cost" label="Average cost over" prefix="$" hint="Dollars per run." placeholder="not watched" />
        <NumberField form={form} name="periodHours" id="alert-period-hours" label="Looking at the last" suffix="hours" hint="More than 0, up to 400 days." />
        <NumberField form={form} name="minExecutions" id="min-executions" label="Only after" suffix="runs" hint="Fewer runs raise no rate or time alert: one failure in two runs is not a trend." />
      </div>
    </SettingsCard>
  );
}
