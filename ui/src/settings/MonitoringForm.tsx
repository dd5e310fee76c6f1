import { backend } from "../backend";
import { useSettingsForm, type FieldErrors } from "../shared/useSettingsForm";
import { numberText, parseNumber } from "../shared/validate";
import type { EnvOverride, LoggingSettings, MonitoringConfig } from "../types";
import { CheckField, EnvNote, NumberField, SettingsCard, envFor } from "./parts";

/** Ten years, as the backend allows. */
export const MAX_RETENTION_HOURS = 10 * 366 * 24;

interface Fields {
  monitoringEnabled: boolean;
  costTrackingEnabled: boolean;
  metricsRetentionHours: string;
}

const toFields = (c: MonitoringConfig): Fields => ({
  monitoringEnabled: c.monitoringEnabled ?? true,
  costTrackingEnabled: c.costTrackingEnabled ?? true,
  metricsRetentionHours: numberText(c.metricsRetentionHours),
});

export function parseMonitoring(f: Fields): { draft: MonitoringConfig; errors: FieldErrors<Fields> } {
  const errors: FieldErrors<Fields> = {};
  const hours = parseNumber(f.metricsRetentionHours, { min: 1, max: MAX_RETENTION_HOURS, integer: true, unit: "hours" });
  if (!hours.ok) errors.metricsRetentionHours = hours.error;
  return {
    draft: {
      monitoringEnabled: f.monitoringEnabled,
      costTrackingEnabled: f.costTrackingEnabled,
      metricsRetentionHours: hours.ok ? hours.value : 0,
    },
    errors,
  };
}

interface Props {
  initial: MonitoringConfig;
  logging: LoggingSettings;
  env: readonly EnvOverride[];
}

/** Monitoring, cost tracking, retention; and how the app logs (set at start). */
export function MonitoringForm({ initial, logging, env }: Props) {
  const form = useSettingsForm({ initial: toFields(initial), parse: parseMonitoring, save: backend.setMonitoringConfig, toFields });
  return (
    <SettingsCard
      id="monitoring"
      title="Monitoring"
      intro="Runs are always recorded: they are your audit trail. Monitoring adds the dashboard's figures and alerts; cost tracking prices each call and enforces budgets."
      form={form}
      saveLabel="Save monitoring"
    >
      <CheckField
        form={form}
        name="monitoringEnabled"
        id="monitoring-enabled"
        label="Monitoring"
        hint="Rollups, metrics and performance alerts."
        env={envFor(env, "monitoringEnabled")}
      />
      <CheckField
        form={form}
        name="costTrackingEnabled"
        id="cost-tracking-enabled"
        label="Cost tracking"
        hint="Prices every call and checks the budgets."
        env={envFor(env, "costTrackingEnabled")}
      />
      <NumberField
        form={form}
        name="metricsRetentionHours"
        id="metrics-retention-hours"
        label="Keep raw records for"
        suffix="hours"
        hint="Older run records are pruned; hourly and daily totals stay. 168 h is a week."
        env={envFor(env, "metricsRetentionHours")}
      />
      <dl className="facts" data-testid="logging-settings">
        <div>
          <dt>Log level</dt>
          <dd>
            {logging.logLevel} <EnvNote env={envFor(env, "logLevel")} />
          </dd>
        </div>
        <div>
          <dt>Log format</dt>
          <dd>
            {logging.structuredLogging ? "JSON lines" : "text"} <EnvNote env={envFor(env, "structuredLogging")} />
          </dd>
        </div>
      </dl>
      <p className="field-hint">
        Logging is set when the app starts, with <code>LOG_LEVEL</code> and <code>STRUCTURED_LOGGING</code>.
      </p>
    </SettingsCard>
  );
}
