import { useState } from "react";
import { backend } from "../backend";
import { categoryLabel, emailOrigin, formatDateTime, formatEmailDate, formatPercent, urgencyLabel } from "../shared/format";
import { settle, useLoad } from "../shared/useBackend";
import { EMAIL_CATEGORIES, type EmailCategory, type IpcError } from "../types";

type Relabel = { state: "idle" } | { state: "saving" } | { state: "saved" } | { state: "failed"; error: IpcError };

interface Props {
  id: number;
  /** Bumped when the email may have changed (after an analysis), to load it again. */
  version: number;
  /** Whether to show the stored analysis (hidden while a fresh one is on screen). */
  showAnalysis: boolean;
  onClose: () => void;
  /** Called after the email changed here (a relabel), so lists showing it can refresh. */
  onChanged?: () => void;
}

/** One email, read in full. The body is plain text in a <pre>: mail is never rendered as HTML. */
export function EmailDetail({ id, version, showAnalysis, onClose, onChanged }: Props) {
  // Keeps showing this email while it reloads; another one is loaded from scratch.
  const load = useLoad(() => backend.getEmail(id), [id], { clearErrorOnLoad: true, key: id, reloadOn: version });
  const email = load.data ?? null;
  const error = load.error;
  const [relabel, setRelabel] = useState<Relabel>({ state: "idle" });

  // A relabel message is about the email it was made on.
  const [relabelFor, setRelabelFor] = useState(id);
  if (relabelFor !== id) {
    setRelabelFor(id);
    setRelabel({ state: "idle" });
  }

  if (error) {
    return (
      <div className="banner banner-error" role="alert" data-testid="email-detail-error">
        Could not open this email: {error.message}
        <button className="btn-link" onClick={() => void load.reload()}>
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

  const changeCategory = async (category: EmailCategory) => {
    const emailId = email.id;
    setRelabel({ state: "saving" });
    const relabelled = await settle(backend.relabelEmail(emailId, category));
    if (!relabelled.ok) {
      setRelabel({ state: "failed", error: relabelled.error });
      return;
    }
    const summary = relabelled.value;
    load.setData((current) => (current?.id === emailId ? { ...current, ...summary } : current));
    setRelabel({ state: "saved" });
    onChanged?.();
  };

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
        {emailOrigin(email) && (
          <div>
            <dt>{email.account ? "Mailbox" : "File"}</dt>
            <dd title={email.source ?? undefined} data-testid="email-origin">
              {emailOrigin(email)}
            </dd>
          </div>
        )}
      </dl>
      {email.skippedReason && (
        <p className="muted" data-testid="email-skipped">
          Not analysed: {email.skippedReason}. Analyse it by hand if it is about a job.
        </p>
      )}
      {analysis && (
        <p className="stored-analysis" data-testid="stored-analysis">
          <span className={`chip chip-cat chip-cat-${analysis.category}`}>{categoryLabel(analysis.category)}</span>
          <span className="muted">
            {urgencyLabel(analysis.urgency)} urgency · {formatPercent(analysis.confidence)} confident
          </span>
          {analysis.summary && <span className="stored-summary">{analysis.summary}</span>}
        </p>
      )}
      {email.category !== null && (
        <div className="relabel">
          <label htmlFor="relabel-select">Category</label>
          <select
            id="relabel-select"
            value={email.category}
            onChange={(e) => void changeCategory(e.target.value as EmailCategory)}
            disabled={relabel.state === "saving"}
            aria-busy={relabel.state === "saving" || undefined}
            data-testid="relabel-select"
          >
            {EMAIL_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
          {relabel.state === "saved" && (
            <span className="saved" role="status" data-testid="relabel-saved">
              Saved — this correction counts against the analysis
            </span>
          )}
          {relabel.state === "failed" && (
            <span className="field-error" role="alert" data-testid="relabel-error">
              Could not change the category: {relabel.error.message}
            </span>
          )}
        </div>
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
