import { useMemo, useState } from "react";
import { backend } from "../backend";
import { BarList } from "../shared/charts/BarList";
import { TimeChart } from "../shared/charts/TimeChart";
import { formatCost, formatDateTime } from "../shared/format";
import { ExplanationPanel } from "../shared/runs/ExplanationPanel";
import { useLoad } from "../shared/useBackend";
import type { Dashboard, RawMetric } from "../types";
import { LogsPanel } from "./LogsPanel";
import { MAX_BARS, columns, durationBars, formatSeconds, formatTokensShort, type Period } from "./model";
import { runSeries } from "./runSeries";
import { SummaryCards } from "./SummaryCards";
import { useLive } from "./useLive";

interface Props {
  agent: string;
  label: string;
  period: Period;
  active: boolean;
  onBack: () => void;
}

/** One agent over the period: its figures, charts and latest runs, each run's explanation one click away. */
export function AgentDetail({ agent, label, period, active, onBack }: Props) {
  // A failed reload leaves the figures shown; only the latest load lands.
  const load = useLoad(
    async () => {
      const [dashboard, runs] = await Promise.all([backend.getDashboard(agent, period.hours), backend.getRawMetrics(agent, 50)]);
      return { dashboard, runs };
    },
    [agent, period.hours],
    { enabled: active },
  );
  useLive(active, load.reload);
  const [explaining, setExplaining] = useState<number | null>(null);
  const [logsFor, setLogsFor] = useState<string | null>(null);

  return (
    <section className="panel dashboard" aria-labelledby="agent-detail-title" data-testid="agent-detail">
      <div className="panel-head">
        <button type="button" className="btn" onClick={onBack} data-testid="agent-detail-back">
          ← All agents
        </button>
        <h2 id="agent-detail-title">
          {label} <span className="muted">· {period.long}</span>
        </h2>
      </div>
      {!load.data && !load.error && <p className="muted">Loading…</p>}
      {!load.data && load.error && (
        <div className="banner banner-error" role="alert">
          Could not load {label}: {load.error.message}
        </div>
      )}
      {load.data && <Body dashboard={load.data.dashboard} runs={load.data.runs} onExplain={setExplaining} onLogs={setLogsFor} />}
      {explaining !== null && <ExplanationPanel executionId={explaining} onClose={() => setExplaining(null)} />}
      {logsFor !== null && <LogsPanel requestId={logsFor} onClose={() => setLogsFor(null)} />}
    </section>
  );
}

interface BodyProps {
  dashboard: Dashboard;
  runs: RawMetric[];
  onExplain: (id: number) => void;
  onLogs: (requestId: string) => void;
}

function Body({ dashboard, runs, onExplain, onLogs }: BodyProps) {
  const c = dashboard.current;
  const cols = useMemo(() => columns(dashboard.series, c.periodStart, c.periodEnd, MAX_BARS), [dashboard.series, c.periodStart, c.periodEnd]);
  return (
    <>
      <SummaryCards current={c} previous={dashboard.previous} />
      <dl className="facts" data-testid="agent-detail-facts">
        <div>
          <dt>p50 / p95 / p99</dt>
          <dd>
            {formatSeconds(c.p50ExecutionTime)} / {formatSeconds(c.p95ExecutionTime)} / {formatSeconds(c.p99ExecutionTime)}
          </dd>
        </div>
        <div>
          <dt>Longest</dt>
          <dd>{formatSeconds(c.maxExecutionTime)}</dd>
        </div>
        <div>
          <dt>Tokens per run</dt>
          <dd>{formatTokensShort(Math.round(c.avgTokensPerExecution ?? 0))}</dd>
        </div>
        <div>
          <dt>Cost per run</dt>
          <dd>{formatCost(c.avgCost)}</dd>
        </div>
        <div>
          <dt>LLM / tool calls</dt>
          <dd>
            {c.llmCalls} / {c.totalToolCalls}
          </dd>
        </div>
      </dl>
      <div className="chart-grid">
        <TimeChart
          title="Runs over time"
          summary={`${c.totalExecutions} runs, ${c.failedExecutions} failed.`}
          t={cols.t}
          series={runSeries(cols)}
          testId="agent-chart-runs"
        />
        <BarList
          title="Run time distribution"
          testId="agent-chart-durations"
          color="--info"
          empty="No runs in this period."
          bars={durationBars(dashboard.durations)}
        />
      </div>
      <h3 className="section-title">Latest runs</h3>
      {runs.length === 0 ? (
        <p className="muted">No runs kept for this agent.</p>
      ) : (
        <table className="data-table" data-testid="agent-runs">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Outcome</th>
              <th scope="col">Model</th>
              <th scope="col">Time</th>
              <th scope="col">Tokens</th>
              <th scope="col">Cost</th>
              <th scope="col">Request id</th>
              <th scope="col">
                <span className="sr-only">Explanation</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.executionId}>
                <td>{formatDateTime(r.startTime)}</td>
                <td>
                  {r.success ? (
                    <span className="chip chip-ok">succeeded</span>
                  ) : (
                    <span className="chip chip-severity-high" title={r.errorMessage ?? undefined}>
                      {r.errorKind ?? "failed"}
                    </span>
                  )}
                </td>
                <td>{r.model ?? r.engine}</td>
                <td>{formatSeconds(r.executionTime)}</td>
                <td>{formatTokensShort(r.tokensUsed)}</td>
                <td>{formatCost(r.cost)}</td>
                <td>
                  <button type="button" className="btn-link request-id" onClick={() => onLogs(r.requestId)} title="Show this run's log lines">
                    {r.requestId}
                  </button>
                </td>
                <td>
                  <button type="button" className="btn-link" onClick={() => onExplain(r.executionId)}>
                    Why?
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
