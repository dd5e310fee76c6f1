import { useRef, useState } from "react";
import { backend } from "../backend";
import { formatDateTime } from "../shared/format";
import { Modal } from "../shared/Modal";
import { ExplanationPanel } from "../shared/runs/ExplanationPanel";
import { useLoad } from "../shared/useBackend";
import type { Application, StatusChange } from "../types";

interface Props {
  application: Application;
  onClose: () => void;
}

const ORIGIN_LABELS: Record<StatusChange["origin"], string> = { user: "You", agent: "Agent", import: "Import" };

/** An application's status history, oldest first, with where each agent change came from. */
export function TimelinePanel({ application, onClose }: Props) {
  // The execution whose explanation is open over the timeline; Escape closes it first,
  // and focus goes back to its Why? link.
  const [explaining, setExplaining] = useState<number | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  const load = useLoad(
    async () => {
      const entries = await backend.applicationTimeline(application.id);
      return [...entries].sort((a, b) => a.at - b.at || a.id - b.id);
    },
    [application.id],
    { clearErrorOnLoad: true, key: application.id },
  );
  const entries = load.error ? undefined : load.data;

  return (
    <Modal
      onClose={onClose}
      className="dialog dialog-wide"
      labelledBy="timeline-title"
      testId="timeline"
      initialFocus={() => closeRef.current}
      inPlace
    >
      <div className="dialog-head">
        <h3 id="timeline-title">
          Timeline <span className="muted">· {application.role} at {application.company}</span>
        </h3>
        <button ref={closeRef} className="btn btn-quiet" onClick={onClose} data-testid="timeline-close">
          Close
        </button>
      </div>

      {!load.error && !entries && (
        <p className="muted" aria-busy="true">
          Loading history…
        </p>
      )}
      {load.error && (
        <div className="banner banner-error" role="alert">
          Could not load the history: {load.error.message}
          <button className="btn-link" onClick={() => void load.reload()}>
            Try again
          </button>
        </div>
      )}
      {entries && entries.length === 0 && (
        <p className="muted" data-testid="timeline-empty">
          No status changes recorded yet.
        </p>
      )}
      {entries && entries.length > 0 && (
        <ol className="timeline">
          {entries.map((entry) => (
            <TimelineEntry key={entry.id} entry={entry} onExplain={setExplaining} />
          ))}
        </ol>
      )}
      {explaining !== null && <ExplanationPanel executionId={explaining} onClose={() => setExplaining(null)} />}
    </Modal>
  );
}

function TimelineEntry({ entry, onExplain }: { entry: StatusChange; onExplain: (executionId: number) => void }) {
  const executionId = entry.executionId;
  const hasProvenance = entry.emailId !== null || entry.executionId !== null;
  return (
    <li className={`timeline-entry origin-${entry.origin}`} data-testid="timeline-entry">
      <div className="timeline-line">
        <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time>
        <span className="transition">
          {entry.from === null ? (
            <>
              created as <span className={`status-text status-${entry.to}`}>{entry.to}</span>
            </>
          ) : (
            <>
              <span className={`status-text status-${entry.from}`}>{entry.from}</span>
              <span aria-label="to"> → </span>
              <span className={`status-text status-${entry.to}`}>{entry.to}</span>
            </>
          )}
        </span>
        <span className={`chip chip-origin-${entry.origin}`}>{ORIGIN_LABELS[entry.origin] ?? entry.origin}</span>
      </div>
      {entry.note && <p className="timeline-note">{entry.note}</p>}
      {hasProvenance && (
        <p className="provenance" data-testid="provenance">
          {entry.emailId !== null && (
            <span>
              from email “{entry.emailSubject ?? `#${entry.emailId}`}”
            </span>
          )}
          {entry.emailId !== null && executionId !== null && <span aria-hidden="true"> · </span>}
          {executionId !== null && (
            <span>
              execution #{executionId}
              <button
                type="button"
                className="btn-link why-link"
                onClick={() => onExplain(executionId)}
                aria-haspopup="dialog"
                aria-label={`Why? Explain execution #${executionId}`}
                data-testid="timeline-why"
              >
                Why?
              </button>
            </span>
          )}
        </p>
      )}
    </li>
  );
}
