import { backend } from "../backend";
import { Dialog } from "../shared/Dialog";
import { useLoad } from "../shared/useBackend";

/** The time of day of an RFC 3339 timestamp, to the millisecond; the text as is otherwise. */
export function logTime(timestamp: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return timestamp;
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Every log line of one run, found by its request id. */
export function LogsPanel({ requestId, onClose }: { requestId: string; onClose: () => void }) {
  const load = useLoad(() => backend.getExecutionLogs(requestId), [requestId], { key: requestId });
  const lines = load.error ? undefined : load.data;

  return (
    <Dialog
      title={
        <>
          Log of the run <code className="request-id">{requestId}</code>
        </>
      }
      onClose={onClose}
      testId="logs"
    >
      {!load.error && !lines && <p className="muted">Reading the logs…</p>}
      {load.error && (
        <div className="banner banner-error" role="alert">
          Could not read the logs: {load.error.message}
        </div>
      )}
      {lines && lines.length === 0 && (
        <p className="muted" data-testid="logs-empty">
          No log lines for this run: they may have been pruned with old log files, or logging was below INFO.
        </p>
      )}
      {lines && lines.length > 0 && (
        <ol className="log-lines" data-testid="log-lines">
          {lines.map((l, i) => (
            <li key={i} className={`log-line log-${l.level.toLowerCase()}`}>
              <span className="log-time">{logTime(l.timestamp)}</span>
              <span className="log-level">{l.level}</span>
              <span className="log-message">{l.message || "—"}</span>
              <span className="log-target">{l.target}</span>
              {l.fields.length > 0 && (
                <span className="log-fields">
                  {l.fields.map((f) => (
                    <span key={f.name}>
                      {f.name}=<code>{f.value}</code>
                    </span>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
