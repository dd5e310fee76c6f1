import { formatCost } from "../shared/format";
import type { AggregatedMetrics } from "../types";
import { describeChange, formatSeconds, summaryCards, tone, type Change } from "./model";

function Card({ label, value, change, unit, good, testId }: { label: string; value: string; change: Change; unit?: "%" | "pts"; good: string; testId: string }) {
  return (
    <div className="stat-card" data-testid={testId}>
      <span className="stat-label">{label}</span>
      <span className="stat-value" data-testid={`${testId}-value`}>
        {value}
      </span>
      <span className={`stat-change stat-${good}`} data-testid={`${testId}-change`}>
        {describeChange(change, unit)}
        <span className="sr-only"> against the previous period</span>
      </span>
    </div>
  );
}

/** Total cost, runs, success rate and average time, each with its change against the period before. */
export function SummaryCards({ current, previous }: { current: AggregatedMetrics; previous: AggregatedMetrics }) {
  const c = summaryCards(current, previous);
  return (
    <div className="stat-grid" data-testid="summary-cards">
      <Card label="Total cost" value={formatCost(c.cost.value)} change={c.cost.change} good={tone(c.cost.change, c.cost.better)} testId="card-cost" />
      <Card
        label="Executions"
        value={c.executions.value.toLocaleString()}
        change={c.executions.change}
        good={tone(c.executions.change, c.executions.better)}
        testId="card-executions"
      />
      <Card
        label="Success rate"
        value={c.successRate.value === null ? "—" : `${c.successRate.value.toFixed(1)} %`}
        change={c.successRate.change}
        unit="pts"
        good={tone(c.successRate.change, c.successRate.better)}
        testId="card-success"
      />
      <Card
        label="Average response time"
        value={formatSeconds(c.avgTime.value)}
        change={c.avgTime.change}
        good={tone(c.avgTime.change, c.avgTime.better)}
        testId="card-time"
      />
    </div>
  );
}
