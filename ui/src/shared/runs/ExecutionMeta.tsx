import { useState } from "react";
import type { ExecutionRecord } from "../../types";
import { engineLabel, formatCost, formatDuration, formatTokens, tokenBreakdown } from "../format";
import { ExplanationPanel } from "./ExplanationPanel";

/** How an agent run went: who answered, what it used, how long it took, and why it decided what it did. */
export function ExecutionMeta({ execution }: { execution: ExecutionRecord }) {
  const [explaining, setExplaining] = useState(false);
  return (
    <>
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
          <dd>
            <span title={execution.requestId}>#{execution.executionId}</span>
            <button
              type="button"
              className="btn-link why-link"
              onClick={() => setExplaining(true)}
              aria-haspopup="dialog"
              aria-label={`Why? Explain execution #${execution.executionId}`}
              data-testid="why-button"
            >
              Why?
            </button>
          </dd>
        </div>
      </dl>
      {explaining && <ExplanationPanel executionId={execution.executionId} onClose={() => setExplaining(false)} />}
    </>
  );
}
