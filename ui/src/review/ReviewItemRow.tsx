import { useState } from "react";
import { formatPercent, formatWhen } from "../shared/format";
import { ExplanationPanel } from "../shared/runs/ExplanationPanel";
import type { IpcError, ReviewItem, Status } from "../types";

export type Decision = "accept" | "reject";

interface Props {
  item: ReviewItem;
  /** The decision being sent, if any. */
  busy: Decision | null;
  error: IpcError | null;
  onDecide: (item: ReviewItem, decision: Decision) => void;
}

const STATE_LABELS = { pending: "Pending", accepted: "Accepted", rejected: "Rejected" } as const;

function StatusText({ status }: { status: Status | null }) {
  return status ? <span className={`status-text status-${status}`}>{status}</span> : <span className="muted">unknown</span>;
}

/** One change an agent proposed but did not make on its own. */
export function ReviewItemRow({ item, busy, error, onDecide }: Props) {
  const [explaining, setExplaining] = useState(false);
  const company = item.company ?? (item.applicationId !== null ? `Application #${item.applicationId}` : "Unknown company");
  const what = item.kind === "new_application" ? `new application at ${company}` : `change to ${company}`;
  return (
    <li className={`review-item review-${item.state}`} data-testid="review-item" data-id={item.id}>
      {explaining && item.executionId !== null && (
        <ExplanationPanel executionId={item.executionId} onClose={() => setExplaining(false)} />
      )}
      <div className="review-main">
        <p className="review-proposal" data-testid="review-proposal">
          {item.kind === "status_change" ? (
            <>
              <strong>{company}</strong>
              {item.role && <span className="muted"> · {item.role}</span>}
              <span aria-hidden="true"> — </span>
              <StatusText status={item.currentStatus} />
              <span aria-label="to"> → </span>
              <StatusText status={item.proposedStatus} />
            </>
          ) : (
            <>
              <span className="chip chip-new">New application</span> <strong>{company}</strong>
              {item.role && <> — {item.role}</>}
              {item.proposedStatus && (
                <>
                  {" "}
                  as <StatusText status={item.proposedStatus} />
                </>
              )}
            </>
          )}
        </p>
        {item.reason && <p className="review-reason">{item.reason}</p>}
        <p className="review-meta">
          {item.confidence !== null && <span>{formatPercent(item.confidence)} confident</span>}
          {item.emailId !== null && <span>from email “{item.emailSubject ?? `#${item.emailId}`}”</span>}
          {item.executionId !== null && (
            <span>
              execution #{item.executionId}{" "}
              <button
                type="button"
                className="btn-link"
                onClick={() => setExplaining(true)}
                aria-haspopup="dialog"
                aria-label={`Why? Explain execution #${item.executionId}`}
                data-testid="review-why"
              >
                Why?
              </button>
            </span>
          )}
          <span title={new Date(item.createdAt).toISOString()}>proposed {formatWhen(item.createdAt)}</span>
        </p>
        {error && (
          <p className="field-error" role="alert" data-testid="review-error">
            {error.message}
          </p>
        )}
      </div>
      <div className="review-actions">
        {item.state === "pending" ? (
          <>
            <button
              className="btn"
              disabled={busy !== null}
              onClick={() => onDecide(item, "reject")}
              aria-label={`Reject ${what}`}
              data-testid="review-reject"
            >
              {busy === "reject" ? "Rejecting…" : "Reject"}
            </button>
            <button
              className="btn btn-primary"
              disabled={busy !== null}
              onClick={() => onDecide(item, "accept")}
              aria-label={`Accept ${what}`}
              data-testid="review-accept"
            >
              {busy === "accept" ? "Accepting…" : "Accept"}
            </button>
          </>
        ) : (
          <span className={`chip chip-state-${item.state}`} data-testid="review-state">
            {STATE_LABELS[item.state]}
            {item.decidedAt !== null && ` ${formatWhen(item.decidedAt)}`}
          </span>
        )}
      </div>
    </li>
  );
}
