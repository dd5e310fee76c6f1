import { categoryLabel, emailOrigin, formatEmailDate } from "../shared/format";
import type { EmailSummary } from "../types";

interface Props {
  emails: EmailSummary[];
  selectedId: number | null;
  /** Emails with an analysis running. */
  analysing: ReadonlySet<number>;
  onSelect: (id: number) => void;
  onAnalyse: (id: number) => void;
}

/** Imported emails, in the order the backend gives them (newest first). */
export function EmailList({ emails, selectedId, analysing, onSelect, onAnalyse }: Props) {
  return (
    <ul className="email-list" aria-label="Emails">
      {emails.map((email) => {
        const selected = email.id === selectedId;
        const busy = analysing.has(email.id);
        const subject = email.subject || "(no subject)";
        const origin = emailOrigin(email);
        return (
          // The whole row opens the email for the mouse; the main button does it for the keyboard.
          <li
            key={email.id}
            className={`email-row${selected ? " selected" : ""}`}
            onClick={() => onSelect(email.id)}
            data-testid="email-row"
            data-id={email.id}
          >
            <button type="button" className="email-row-main" aria-current={selected ? "true" : undefined}>
              <span className="email-row-top">
                <span className="email-from">{email.from}</span>
                {email.sentAt !== null ? (
                  <time className="email-date" dateTime={new Date(email.sentAt).toISOString()} title={email.date ?? undefined}>
                    {formatEmailDate(email)}
                  </time>
                ) : (
                  <span className="email-date">{formatEmailDate(email)}</span>
                )}
              </span>
              <span className="email-subject">{subject}</span>
              {email.snippet && <span className="email-snippet">{email.snippet}</span>}
              {(origin || email.skippedReason) && (
                <span className="email-row-meta">
                  {origin && (
                    <span className="email-origin" title={email.account ? "Synced from this mailbox" : (email.source ?? undefined)} data-testid="email-origin">
                      {origin}
                    </span>
                  )}
                  {email.skippedReason && (
                    <span className="email-skipped" data-testid="email-skipped">
                      Not analysed: {email.skippedReason}
                    </span>
                  )}
                </span>
              )}
            </button>
            <span className="email-row-side">
              {email.category && (
                <span className={`chip chip-cat chip-cat-${email.category}`} data-testid="category-chip">
                  {categoryLabel(email.category)}
                </span>
              )}
              <button
                type="button"
                className="btn btn-small"
                disabled={busy}
                aria-busy={busy || undefined}
                aria-label={`${busy ? "Analysing" : "Analyse"} “${subject}”`}
                onClick={() => onAnalyse(email.id)}
                data-testid="analyse-button"
              >
                {busy ? "Analysing…" : "Analyse"}
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
