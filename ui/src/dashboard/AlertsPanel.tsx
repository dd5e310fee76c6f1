import { useState } from "react";
import { backend } from "../backend";
import { formatDateTime } from "../shared/format";
import { useLoad } from "../shared/useBackend";
import type { PerformanceAlert } from "../types";

interface Props {
  active: PerformanceAlert[];
  label: (agent: string) => string;
  onOpenSettings: () => void;
}

function duration(a: PerformanceAlert): string {
  const end = a.endedAt ?? Date.now();
  const min = Math.max(1, Math.round((end - a.startedAt) / 60_000));
  return min < 60 ? `${min} min` : min < 48 * 60 ? `${Math.round(min / 60)} h` : `${Math.round(min / 1440)} days`;
}

/**
 * Alerts: the active ones (raised while an agent's recent runs are over a limit,
 * cleared by themselves when they are back under), their history, and the limits.
 */
export function AlertsPanel({ active, label, onOpenSettings }: Props) {
  const [open, setOpen] = useState(false);
  // Loaded each time the history is opened.
  const load = useLoad(() => backend.listAlertHistory(50), [], { enabled: open, clearErrorOnLoad: true });
  const history = load.data ?? null;
  const failure = load.error;

  const toggle = () => setOpen((o) => !o);

  return (
    <div className="alerts-panel" data-testid="alerts-panel">
      <div className="section-head">
        <h3 className="section-title">Alerts {active.length > 0 && <span className="count">{active.length}</span>}</h3>
        <div className="section-actions">
          <button type="button" className="btn-link" aria-expanded={open} onClick={toggle} data-testid="alert-history-toggle">
            {open ? "Hide history" : "History"}
          </button>
          <button type="button" className="btn-link" onClick={onOpenSettings} data-testid="alert-limits">
            Change the limits
          </button>
        </div>
      </div>
      {active.length === 0 ? (
        <p className="muted" data-testid="no-alerts">
          No active alerts: every agent is within its limits.
        </p>
      ) : (
        <div className="alerts" data-testid="active-alerts">
          {active.map((a) => (
            <div key={a.id} className={`banner banner-${a.severity === "critical" ? "error" : "warning"}`} role="alert">
              <strong>{label(a.agentName)}:</strong> {a.message} <span className="muted">· for {duration(a)}</span>
            </div>
          ))}
        </div>
      )}
      {open && failure && (
        <div className="banner banner-error" role="alert">
          Could not load the history: {failure.message}
        </div>
      )}
      {open && history && (
        <table className="data-table" data-testid="alert-history">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Alert</th>
              <th scope="col">Severity</th>
              <th scope="col">Raised</th>
              <th scope="col">Cleared</th>
            </tr>
          </thead>
          <tbody>
            {history.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  No alert has been raised yet.
                </td>
              </tr>
            )}
            {history.map((a) => (
              <tr key={a.id}>
                <td>{label(a.agentName)}</td>
                <td>{a.message}</td>
                <td>
                  <span className={`chip chip-severity-${a.severity === "critical" ? "critical" : "high"}`}>{a.severity}</span>
                </td>
                <td>{formatDateTime(a.startedAt)}</td>
                <td>{a.endedAt === null ? "active" : `${formatDateTime(a.endedAt)} (after ${duration(a)})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
