import { useEffect, useState } from "react";
import { backend } from "../backend";
import { categoryLabel, formatDateTime, formatEmailDate, formatPercent, urgencyLabel } from "../format";
import type { Email, IpcError } from "../types";

interface Props {
  id: number;
  /** Bumped when the email may have changed (after an analysis), to load it again. */
  version: number;
  /** Whether to show the stored analysis (hidden while a fresh one is on screen). */
  showAnalysis: boolean;
  onClose: () => void;
}

/** One email, read in full. The body is plain text in a <pre>: mail is never rendered as HTML. */
export function EmailDetail({ id, version, showAnalysis, onClose }: Props) {
  const [email, setEmail] = useState<Email | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    // Keep showing this email while it reloads; clear it when another one is asked for.
    setEmail((current) => (current?.id === id ? current : null));
    backend.getEmail(id).then(
      (e) => !cancelled && setEmail(e),
      (e) => !cancelled && setError(e as IpcError),
    );
    return () => {
      cancelled = true;
    };
  }, [id, version, attempt]);

  if (error) {
    return (
      <div className="banner banner-error" role="alert" data-testid="email-detail-error">
        Could not open this email: {error.message}
        <button className="btn-link" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </div>
    );
  }
  if (!email) {
    return (
      <p className="muted" aria-busy="true">
        Opening email…
      </p>
    );
  }

  const analysis = showAnalysis ? email.analysis : null;
  return (
    <article className="email-detail" aria-labelledby="email-detail-subject" data-testid="email-detail">
      <header className="email-detail-head">
        <h3 id="email-detail-subject">{email.subject || "(no subject)"}</h3>
        <button className="btn btn-quiet" onClick={onClose} aria-label="Close email">
          Close
        </button>
      </header>
      <dl className="email-headers">
        <div>
          <dt>From</dt>
          <dd>{email.from}</dd>
        </div>
        <div>
          <dt>Date</dt>
          <dd title={email.date ?? undefined} data-testid="email-detail-date">
            {email.sentAt !== null ? (
              <time dateTime={new Date(email.sentAt).toISOString()}>{formatEmailDate(email, { full: true })}</time>
            ) : (
              formatEmailDate(email)
            )}
          </dd>
        </div>
        <div>
          <dt>Imported</dt>
          <dd title={email.source ?? undefined}>{formatDateTime(email.importedAt)}</dd>
        </div>
      </dl>
      {analysis && (
        <p className="stored-analysis" data-testid="stored-analysis">
          <span className={`chip chip-cat chip-cat-${analysis.category}`}>{categoryLabel(analysis.category)}</span>
          <span className="muted">
            {urgencyLabel(analysis.urgency)} urgency · {formatPercent(analysis.confidence)} confident
          </span>
          {analysis.summary && <span className="stored-summary">{analysis.summary}</span>}
        </p>
      )}
      {email.body.trim() ? (
        <pre className="email-body" data-testid="email-body">
          {email.body}
        </pre>
      ) : (
        <p className="muted email-body" data-testid="email-body">
          This message has no text body.
        </p>
      )}
    </article>
  );
}
