import { useMemo } from "react";
import { backend } from "../backend";
import { useLive } from "../dashboard/useLive";
import { BudgetsForm } from "../settings/BudgetsForm";
import { agentLabel } from "../shared/agents";
import { TimeChart } from "../shared/charts/TimeChart";
import { formatCost } from "../shared/format";
import { useLoad } from "../shared/useBackend";
import type { BudgetPeriod, BudgetStatus, CostSummary, CostTip, Settings } from "../types";

/** Days of spend drawn. */
export const HISTORY_DAYS = 30;
/** Tips look at the last week. */
export const TIP_HOURS = 168;

interface Data {
  status: BudgetStatus;
  tips: CostTip[];
  history: CostSummary;
  settings: Settings;
}

/** Where the scope of a budget period is spent: "Today", "This month", an agent's name. */
export function scopeLabel(scope: string): string {
  if (scope === "daily") return "Today";
  if (scope === "monthly") return "This month";
  return scope.startsWith("agent:") ? `${agentLabel(scope.slice(6))} today` : scope;
}

/** The gauge's colour: over at 100 %, warning from 80 %. */
export function level(p: BudgetPeriod): "normal" | "warning" | "over" {
  const pct = p.budgetUsedPercent ?? 0;
  return pct >= 100 ? "over" : pct >= 80 ? "warning" : "normal";
}

function Gauge({ period }: { period: BudgetPeriod }) {
  const pct = period.budgetUsedPercent ?? 0;
  const projectedPct = period.limit > 0 ? (period.projected / period.limit) * 100 : 0;
  const id = `gauge-${period.scope.replace(/[^a-z0-9-]/gi, "-")}`;
  return (
    <div className={`budget-gauge gauge-${level(period)}`} data-testid={id}>
      <div className="budget-gauge-head">
        <strong>{scopeLabel(period.scope)}</strong>
        <span data-testid={`${id}-text`}>
          {formatCost(period.spent)} of {formatCost(period.limit)} ({pct.toFixed(0)} %)
        </span>
      </div>
      <div
        className="budget-track"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, Math.round(pct))}
        aria-label={`${scopeLabel(period.scope)}: ${pct.toFixed(0)} % of the budget spent`}
      >
        <span className="budget-fill" style={{ width: `${Math.min(100, pct)}%` }} />
        {projectedPct > pct && (
          <span className="budget-projected" style={{ left: `${Math.min(100, pct)}%`, width: `${Math.max(0, Math.min(100, projectedPct) - Math.min(100, pct))}%` }} />
        )}
        {[50, 80, 90].map((t) => (
          <span key={t} className={`budget-mark${period.thresholdsCrossed.includes(t) ? " crossed" : ""}`} style={{ left: `${t}%` }} title={`${t} %`} />
        ))}
      </div>
      <p className="muted budget-gauge-foot">
        {period.exceeded ? "Spent." : `${formatCost(period.remaining)} left.`} At the recent rate: {formatCost(period.projected)} by the end of the{" "}
        {period.scope === "monthly" ? "month" : "day"}
        {projectedPct >= 100 && !period.exceeded ? " — over budget" : ""}.
      </p>
    </div>
  );
}

/** Budgets: how much is spent against each, where it is heading, how to spend less, and the limits. */
export function BudgetView({ active }: { active: boolean }) {
  // Only the latest load lands: an older one answering late would show older figures. A
  // failed reload leaves the figures shown.
  const load = useLoad(
    async (): Promise<Data> => {
      const [status, tips, history, settings] = await Promise.all([
        backend.getBudgetStatus(),
        backend.getOptimizationTips(TIP_HOURS),
        backend.getTotalCosts(HISTORY_DAYS * 24),
        backend.getSettings(),
      ]);
      return { status, tips, history, settings };
    },
    [],
    { enabled: active },
  );
  useLive(active, load.reload);

  return (
    <section className="panel" aria-labelledby="budget-title">
      <div className="panel-head">
        <h2 id="budget-title">Budget</h2>
      </div>
      {!load.data && !load.error && <p className="muted">Loading the budgets…</p>}
      {!load.data && load.error && (
        <div className="banner banner-error" role="alert" data-testid="budget-error">
          Could not load the budgets: {load.error.message}
          <button className="btn-link" onClick={() => void load.reload()}>
            Try again
          </button>
        </div>
      )}
      {load.data && <BudgetBody data={load.data} onSaved={() => void load.reload()} />}
    </section>
  );
}

function BudgetBody({ data, onSaved }: { data: Data; onSaved: () => void }) {
  const { status, tips, history, settings } = data;
  const periods = [status.daily, status.monthly, ...status.agents].filter((p): p is BudgetPeriod => p !== null);
  const f = status.forecast;
  // Today's bar is what is spent so far; the forecast marks where today is heading.
  const chart = useMemo(() => {
    const t = history.daily.map((d) => d.dayStart / 1000);
    const last = history.daily.length - 1;
    return {
      t,
      spend: history.daily.map((d) => d.cost),
      projected: history.daily.map((_, i) => (i === last ? f.todayProjected : null)),
    };
  }, [history.daily, f.todayProjected]);
  const dailyLimit = status.daily?.limit ?? null;
  const agents = settings.agents.map((a) => ({ agent: a.agent, label: agentLabel(a.agent) }));
  const savings = tips.reduce((sum, t) => sum + t.potentialSavings, 0);

  return (
    <div className="budget" data-testid="budget">
      {status.alerts.length > 0 && (
        <div className="alerts">
          {status.alerts.map((a) => (
            <div key={a} className="banner banner-warning" role="alert">
              {a}
            </div>
          ))}
        </div>
      )}
      {periods.length === 0 ? (
        <p className="banner banner-info" data-testid="no-budgets">
          No budget is set: agents may spend without limit. Today so far: {formatCost(status.todaySpent)}; this month{" "}
          {formatCost(status.monthSpent)}. Set a daily or monthly budget below to be warned at 50, 80, 90 and 100 %.
        </p>
      ) : (
        <div className="budget-gauges">
          {periods.map((p) => (
            <Gauge key={p.scope} period={p} />
          ))}
        </div>
      )}

      <dl className="facts" data-testid="forecast">
        <div>
          <dt>Today</dt>
          <dd>
            {formatCost(f.todaySpent)} → {formatCost(f.todayProjected)} by midnight UTC
          </dd>
        </div>
        <div>
          <dt>This month</dt>
          <dd>
            {formatCost(f.monthSpent)} → {formatCost(f.monthProjected)} by month end
          </dd>
        </div>
        <div>
          <dt>Recent rate</dt>
          <dd>
            {formatCost(f.recentHourlyRate)}/h · {formatCost(f.recentDailyRate)}/day
          </dd>
        </div>
        <div>
          <dt>Hard limit</dt>
          <dd>{status.hardLimit ? "On: paid calls stop when a budget is spent" : "Off: budgets warn only"}</dd>
        </div>
      </dl>

      <TimeChart
        title={`Spend per day, last ${HISTORY_DAYS} days`}
        summary={`${formatCost(history.totalCost)} over ${HISTORY_DAYS} days${dailyLimit !== null ? `, against a daily budget of ${formatCost(dailyLimit)}` : ""}; today is heading for ${formatCost(f.todayProjected)}.`}
        t={chart.t}
        series={[
          { label: "Spent", color: "--accent", values: chart.spend, kind: "bars", format: formatCost },
          { label: "Today, projected", color: "--violet", values: chart.projected, kind: "point", format: formatCost },
          ...(dailyLimit !== null
            ? [{ label: "Daily budget", color: "--warning", values: chart.t.map(() => dailyLimit), kind: "dashed" as const, format: formatCost }]
            : []),
        ]}
        testId="chart-daily-spend"
      />

      <h3 className="section-title">How to spend less</h3>
      {tips.length === 0 ? (
        <p className="muted" data-testid="no-tips">
          No savings found in the last week.
        </p>
      ) : (
        <>
          <p className="muted">Together up to {formatCost(savings)} over the last week.</p>
          <ul className="tips" data-testid="tips">
            {tips.map((t, i) => (
              <li key={i}>
                <span className="tip-saving">{formatCost(t.potentialSavings)}</span>
                <span>
                  <strong>{agentLabel(t.agent)}:</strong> {t.message}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}

      <div className="budget-form">
        <BudgetsForm initial={settings.budgets} agents={agents} env={settings.envOverrides} onSaved={onSaved} />
      </div>
    </div>
  );
}
