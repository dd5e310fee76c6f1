import { useMemo, useState, type FormEvent } from "react";
import { backend } from "../backend";
import { agentLabel } from "../shared/agents";
import { BarList } from "../shared/charts/BarList";
import { TimeChart } from "../shared/charts/TimeChart";
import { formatCost, formatWhen } from "../shared/format";
import { settle, useLoad } from "../shared/useBackend";
import type {
  AgentConfig,
  AgentsSummary,
  BudgetStatus,
  CircuitStats,
  CostSummary,
  Dashboard,
  ErrorInfo,
  ExportFormat,
  PerformanceAlert,
} from "../types";
import { AgentCards, type AgentCircuit } from "./AgentCards";
import { AgentDetail } from "./AgentDetail";
import { AlertsPanel } from "./AlertsPanel";
import {
  MAX_BARS,
  PERIODS,
  columns,
  customPeriod,
  durationBars,
  formatSeconds,
  formatTokensShort,
  periodOf,
  type Period,
} from "./model";
import { RecentErrors } from "./RecentErrors";
import { runSeries } from "./runSeries";
import { SummaryCards } from "./SummaryCards";
import { useLive } from "./useLive";

export interface DashboardData {
  /** The period these figures are for: labels and exports follow it, not the picker, until the next period has loaded. */
  hours: number;
  dashboard: Dashboard;
  summary: AgentsSummary;
  costs: CostSummary;
  alerts: PerformanceAlert[];
  circuits: CircuitStats[];
  errors: ErrorInfo[];
  budget: BudgetStatus;
  agents: AgentConfig[];
  loadedAt: number;
}

/** Everything the dashboard shows for a period, in one go. */
export async function loadDashboard(hours: number): Promise<DashboardData> {
  const [dashboard, summary, costs, alerts, failsafe, errors, budget, settings] = await Promise.all([
    backend.getDashboard(null, hours),
    backend.getPerformanceSummary(hours),
    backend.getTotalCosts(hours),
    backend.getPerformanceAlerts(),
    backend.getFailsafeStatus(),
    backend.listErrors({ sinceHours: hours, limit: 8 }),
    backend.getBudgetStatus(),
    backend.getSettings(),
  ]);
  return {
    hours,
    dashboard,
    summary,
    costs,
    alerts,
    circuits: failsafe.live.circuits,
    errors,
    budget,
    agents: settings.agents,
    loadedAt: Date.now(),
  };
}

/** The circuits of the model an agent uses (`provider/model`). */
export function circuitsOf(agent: string, agents: AgentConfig[], circuits: CircuitStats[]): AgentCircuit[] {
  const config = agents.find((a) => a.agent === agent);
  if (!config) return [];
  const model = config.model ?? config.defaultModel;
  return circuits.filter((c) => c.circuit.endsWith(`/${model}`)).map((c) => ({ circuit: c.circuit, state: c.state }));
}

interface Props {
  active: boolean;
  /** Where a new user goes to start. */
  onOpenInbox: () => void;
  /** Where the alert limits are changed. */
  onOpenSettings: () => void;
}

/** The monitoring dashboard: how the agents did, what they cost, what went wrong. Live. */
export function DashboardView({ active, onOpenInbox, onOpenSettings }: Props) {
  const [period, setPeriod] = useState<Period>(PERIODS[1]!);
  const [agent, setAgent] = useState<string | null>(null);
  const live = active && agent === null;

  // Only the latest load lands: an older one (another period) answering late is dropped.
  // When a load fails, the figures already shown stay, marked as older than asked for.
  const load = useLoad(() => loadDashboard(period.hours), [period.hours], { enabled: live });
  useLive(live, load.reload);

  if (agent !== null) {
    return <AgentDetail agent={agent} label={agentLabel(agent)} period={period} active={active} onBack={() => setAgent(null)} />;
  }

  return (
    <section className="panel dashboard" aria-labelledby="dashboard-title">
      <div className="panel-head dashboard-head">
        <h2 id="dashboard-title">Monitoring</h2>
        <PeriodPicker period={period} onChange={setPeriod} />
      </div>
      {!load.data && !load.error && (
        <p className="muted" aria-busy="true">
          Loading the dashboard…
        </p>
      )}
      {!load.data && load.error && (
        <div className="banner banner-error" role="alert" data-testid="dashboard-error">
          Could not load the dashboard: {load.error.message}
          <button className="btn-link" onClick={() => void load.reload()}>
            Try again
          </button>
        </div>
      )}
      {load.data && load.error && (
        <div className="banner banner-error" role="alert" data-testid="dashboard-stale">
          Could not load {period.long}: {load.error.message} — still showing {periodOf(load.data.hours).long}, as of{" "}
          {formatWhen(load.data.loadedAt)}.
          <button className="btn-link" onClick={() => void load.reload()}>
            Try again
          </button>
        </div>
      )}
      {load.data && (
        <DashboardBody
          data={load.data}
          refreshing={load.loading}
          onOpenAgent={setAgent}
          onOpenInbox={onOpenInbox}
          onOpenSettings={onOpenSettings}
        />
      )}
    </section>
  );
}

function PeriodPicker({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const [custom, setCustom] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const isCustom = !PERIODS.some((p) => p.key === period.key);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = customPeriod(text);
    if (!parsed.ok) return setError(parsed.error);
    setError(null);
    setCustom(false);
    onChange(parsed.value);
  };

  return (
    <div className="period-picker">
      <div role="group" aria-label="Period" className="segmented">
        {PERIODS.map((p) => (
          <button
            key={p.key}
            type="button"
            aria-pressed={period.key === p.key}
            onClick={() => {
              setCustom(false);
              onChange(p);
            }}
            data-testid={`period-${p.key}`}
          >
            {p.short}
          </button>
        ))}
        <button type="button" aria-pressed={isCustom || custom} onClick={() => setCustom((c) => !c)} data-testid="period-custom">
          {isCustom ? period.short : "Custom…"}
        </button>
      </div>
      {custom && (
        <form className="period-custom" onSubmit={submit} noValidate>
          <label htmlFor="period-hours">Last</label>
          <input
            id="period-hours"
            type="text"
            inputMode="decimal"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="36"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "period-hours-error" : undefined}
            data-testid="period-hours"
          />
          <span>hours</span>
          <button type="submit" className="btn">
            Show
          </button>
          {error && (
            <small className="field-error" id="period-hours-error" role="alert" data-testid="period-error">
              {error}
            </small>
          )}
        </form>
      )}
    </div>
  );
}

interface BodyProps {
  data: DashboardData;
  refreshing: boolean;
  onOpenAgent: (agent: string) => void;
  onOpenInbox: () => void;
  onOpenSettings: () => void;
}

function DashboardBody({ data, refreshing, onOpenAgent, onOpenInbox, onOpenSettings }: BodyProps) {
  const { dashboard, summary, costs, alerts, circuits, errors, budget, agents } = data;
  // The period of the figures shown, which lags the picker while another loads.
  const period = periodOf(data.hours);
  const current = dashboard.current;
  // Spend is a line at full resolution; runs and times are bars and averages over
  // coarser buckets, so each stays visible.
  const cols = useMemo(
    () => columns(dashboard.series, current.periodStart, current.periodEnd),
    [dashboard.series, current.periodStart, current.periodEnd],
  );
  const bars = useMemo(
    () => columns(dashboard.series, current.periodStart, current.periodEnd, MAX_BARS),
    [dashboard.series, current.periodStart, current.periodEnd],
  );

  if (current.totalExecutions === 0 && dashboard.previous.totalExecutions === 0 && summary.agents.length === 0) {
    return (
      <div className="empty" data-testid="dashboard-empty">
        <h3>No agent runs in {period.long}</h3>
        <p>
          Import your job-search mail and let the email analyst sort it, or score a job post from Profile &amp; match. Each
          run's time, tokens and cost show up here.
        </p>
        <button className="btn btn-primary" onClick={onOpenInbox}>
          Go to the inbox
        </button>
      </div>
    );
  }

  const daily = budget.daily;
  const periodBudget = daily ? daily.limit * (period.hours / 24) : null;
  const tokens = [
    { label: "Input", value: current.inputTokens },
    { label: "Cached input", value: current.cachedInputTokens },
    { label: "Output", value: current.outputTokens },
    { label: "Reasoning", value: current.reasoningTokens },
  ];
  const peak = Math.max(0, ...bars.executions);

  return (
    <div className="dashboard-body" data-testid="dashboard">
      <p className="muted dashboard-status" role="status" data-testid="dashboard-status">
        {period.long[0]!.toUpperCase() + period.long.slice(1)} against the {period.short} before · updated{" "}
        {formatWhen(data.loadedAt)}
        {refreshing ? " · refreshing…" : ""}
      </p>
      <SummaryCards current={current} previous={dashboard.previous} />

      <AlertsPanel active={alerts} label={agentLabel} onOpenSettings={onOpenSettings} />

      <div className="chart-grid">
        <TimeChart
          title="Runs over time"
          summary={`${current.totalExecutions} runs, ${current.failedExecutions} failed; busiest ${bars.t.length > 1 ? "bucket" : "period"} had ${peak}.`}
          t={bars.t}
          series={runSeries(bars)}
          testId="chart-runs"
        />
        <TimeChart
          title="Spend over time"
          summary={`${formatCost(current.totalCost)} spent${periodBudget !== null ? ` of ${formatCost(periodBudget)} budgeted for the period` : ""}; today ${formatCost(budget.forecast.todaySpent)}, heading for ${formatCost(budget.forecast.todayProjected)} by midnight UTC.`}
          t={cols.ends}
          series={[
            { label: "Spent", color: "--accent", values: cols.cumulativeCost, kind: "area", format: formatCost },
            ...(periodBudget !== null
              ? [{ label: "Budget", color: "--warning", values: cols.ends.map(() => periodBudget), kind: "dashed" as const, format: formatCost }]
              : []),
          ]}
          testId="chart-spend"
        />
        <TimeChart
          title="Average run time"
          summary={`Average ${formatSeconds(current.avgExecutionTime)}, p95 ${formatSeconds(current.p95ExecutionTime)}.`}
          t={bars.t}
          series={[{ label: "Average", color: "--info", values: bars.avgTime, kind: "line", format: formatSeconds }]}
          testId="chart-time"
        />
        <BarList
          title="Run time distribution"
          testId="chart-durations"
          color="--info"
          empty="No runs in this period."
          bars={durationBars(dashboard.durations)}
        />
      </div>

      <h3 className="section-title">Agents</h3>
      <AgentCards
        agents={summary.agents}
        label={agentLabel}
        circuits={(a) => circuitsOf(a, agents, circuits)}
        onOpen={onOpenAgent}
      />

      <div className="chart-grid">
        <BarList
          title="Cost by agent"
          testId="cost-by-agent"
          empty="Nothing spent in this period."
          bars={costs.byAgent.map((b) => ({ label: agentLabel(b.name), value: b.cost, detail: `${formatCost(b.cost)} · ${b.calls} calls` }))}
        />
        <BarList
          title="Cost by model"
          testId="cost-by-model"
          color="--violet"
          empty="Nothing spent in this period."
          bars={costs.byModel.map((b) => ({
            label: b.name,
            value: b.cost,
            detail: `${formatCost(b.cost)} · ${b.calls} calls${b.unpricedCalls > 0 ? ` · ${b.unpricedCalls} unpriced` : ""}`,
          }))}
        />
        <BarList
          title="Tokens by kind"
          testId="tokens-by-kind"
          color="--info"
          empty="No tokens in this period."
          bars={current.totalTokens === 0 ? [] : tokens.map((t) => ({ label: t.label, value: t.value, detail: formatTokensShort(t.value) }))}
        />
      </div>

      <div className="section-head">
        <h3 className="section-title">Recent errors</h3>
      </div>
      <RecentErrors errors={errors} />

      <Exports hours={data.hours} />
    </div>
  );
}

function Exports({ hours }: { hours: number }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (what: "metrics" | "costs", format: ExportFormat) => {
    setMessage(null);
    const done = await settle(what === "metrics" ? backend.exportMetrics(format, null, hours) : backend.exportCosts(format, hours));
    if (!done.ok) setMessage({ ok: false, text: `Could not export: ${done.error.message}` });
    else if (done.value) setMessage({ ok: true, text: `Saved to ${done.value.path}` });
  };
  return (
    <div className="exports" data-testid="dashboard-exports">
      <span className="muted">Export this period:</span>
      <button type="button" className="btn" onClick={() => run("metrics", "json")} data-testid="export-metrics-json">
        Metrics (JSON)
      </button>
      <button type="button" className="btn" onClick={() => run("metrics", "csv")} data-testid="export-metrics-csv">
        Metrics (CSV)
      </button>
      <button type="button" className="btn" onClick={() => run("costs", "json")} data-testid="export-costs-json">
        Costs (JSON)
      </button>
      <button type="button" className="btn" onClick={() => run("costs", "csv")} data-testid="export-costs-csv">
        Costs (CSV)
      </button>
      {message && (
        <span className={message.ok ? "saved" : "field-error"} role="status" data-testid="export-message">
          {message.text}
        </span>
      )}
    </div>
  );
}
