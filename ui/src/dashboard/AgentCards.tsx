import { formatCost } from "../shared/format";
import type { AggregatedMetrics, CircuitState } from "../types";
import { formatSeconds, formatTokensShort } from "./model";

export interface AgentCircuit {
  circuit: string;
  state: CircuitState;
}

const STATE_LABEL: Record<CircuitState, string> = { closed: "Healthy", open: "Paused (circuit open)", half_open: "Testing (half-open)" };

/** The worst state among an agent's circuits: open, then half-open, then closed. */
export function worstState(circuits: AgentCircuit[]): CircuitState | null {
  if (circuits.some((c) => c.state === "open")) return "open";
  if (circuits.some((c) => c.state === "half_open")) return "half_open";
  return circuits.length > 0 ? "closed" : null;
}

interface Props {
  agents: AggregatedMetrics[];
  /** Label per agent name. */
  label: (agent: string) => string;
  /** The circuits of each agent's model. */
  circuits: (agent: string) => AgentCircuit[];
  onOpen: (agent: string) => void;
}

/** One card per agent: runs, success, p50/p95, tokens, cost and its model's breaker. */
export function AgentCards({ agents, label, circuits, onOpen }: Props) {
  return (
    <div className="agent-stats" data-testid="agent-cards">
      {agents.map((a) => {
        const state = worstState(circuits(a.agentName));
        return (
          <button type="button" key={a.agentName} className="agent-stat" onClick={() => onOpen(a.agentName)} data-testid={`agent-card-${a.agentName}`}>
            <span className="agent-stat-head">
              <strong>{label(a.agentName)}</strong>
              {state && (
                <span className={`chip chip-circuit-${state}`} data-testid={`agent-circuit-${a.agentName}`}>
                  {STATE_LABEL[state]}
                </span>
              )}
            </span>
            <dl className="agent-stat-grid">
              <div>
                <dt>Runs</dt>
                <dd data-testid={`agent-runs-${a.agentName}`}>{a.totalExecutions.toLocaleString()}</dd>
              </div>
              <div>
                <dt>Success</dt>
                <dd>{a.totalExecutions > 0 ? `${(a.successRate ?? 0).toFixed(1)} %` : "—"}</dd>
              </div>
              <div>
                <dt>p50 / p95</dt>
                <dd>
                  {formatSeconds(a.p50ExecutionTime)} / {formatSeconds(a.p95ExecutionTime)}
                </dd>
              </div>
              <div>
                <dt>Tokens</dt>
                <dd>{formatTokensShort(a.totalTokens)}</dd>
              </div>
              <div>
                <dt>Cost</dt>
                <dd data-testid={`agent-cost-${a.agentName}`}>{formatCost(a.totalCost)}</dd>
              </div>
            </dl>
            <span className="agent-stat-more" aria-hidden="true">
              Details →
            </span>
          </button>
        );
      })}
    </div>
  );
}
