import { engineLabel, formatCost, formatDuration, formatTokens, tokenBreakdown } from "../format";
import type { ExecutionRecord } from "../types";

/** How an agent run went: who answered, what it used, how long it took. */
export function ExecutionMeta({ execution }: { execution: ExecutionRecord }) {
  return (
    <dl className="exec-meta" data-testid="execution-meta">
      <div>
        <dt>Engine</dt>
        <dd data-testid="execution-engine">
          {engineLabel(execution)}
          {execution.fallbackReason && (
            <span className="muted" data-testid="execution-fallback">
              {" "}
              (because {execution.fallbackReason})
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>Tokens</dt>
        <dd title={tokenBreakdown(execution.usage)}>{formatTokens(execution.usage)}</dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd data-testid="execution-cost">
          {execution.unpricedCalls > 0
            ? `unknown (no price for ${execution.model ?? "this model"})`
            : formatCost(execution.cost)}
        </dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd>{formatDuration(execution.durationUs)}</dd>
      </div>
      <div>
        <dt>Execution</dt>
        <dd title={execution.requestId}>#{execution.executionId}</dd>
      </div>
    </dl>
  );
}
