import { useMemo } from "react";
import { backend } from "../backend";
import { categoryLabel, describeReviewItem, formatPercent, urgencyLabel } from "../shared/format";
import { ExecutionMeta } from "../shared/runs/ExecutionMeta";
import { RunFailure } from "../shared/runs/RunFailure";
import { useLoad } from "../shared/useBackend";
import type { AnalyzeResult, StatusChange } from "../types";

interface Props {
  result: AnalyzeResult;
  onOpenReview?: () => void;
}

/** What EmailAnalyst made of an email, and what that changed. */
export function AnalysisResult({ result, onOpenReview }: Props) {
  const names = useApplicationNames(result.applied);
  const out = result.output;
  if (!out) {
    return (
      <section className="analysis" aria-label="Analysis" data-testid="analysis-result">
        <RunFailure what="Analysis" error={result.error} execution={result.execution} />
        <ExecutionMeta execution={result.execution} />
      </section>
    );
  }

  const nameOf = (c: StatusChange) => names.get(c.applicationId) ?? out.company ?? `application #${c.applicationId}`;
  const contacts = out.contacts.filter((c) => c.name || c.email);

  return (
    <section className="analysis" aria-label="Analysis" data-testid="analysis-result">
      <div className="analysis-head">
        <span className={`chip chip-cat chip-cat-${out.category}`} data-testid="analysis-category">
          {categoryLabel(out.category)}
        </span>
        <span className={`chip chip-urgency-${out.urgency}`}>{urgencyLabel(out.urgency)} urgency</span>
        <span className="muted" data-testid="analysis-confidence">
          {formatPercent(out.confidence)} confident
        </span>
      </div>

      <dl className="facts">
        <div>
          <dt>Company</dt>
          <dd>{out.company ?? "—"}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{out.role ?? "—"}</dd>
        </div>
        {out.dates.length > 0 && (
          <div>
            <dt>Dates</dt>
            <dd>{out.dates.join(", ")}</dd>
          </div>
        )}
        {contacts.length > 0 && (
          <div>
            <dt>Contacts</dt>
            <dd>{contacts.map((c) => [c.name, c.email && `<${c.email}>`].filter(Boolean).join(" ")).join(", ")}</dd>
          </div>
        )}
      </dl>

      {out.summary && <p className="analysis-summary">{out.summary}</p>}

      <h4 className="subhead">What happened</h4>
      <ul className="outcome" data-testid="analysis-outcome">
        {result.applied.map((c) => (
          <li key={`applied-${c.id}`} data-testid="applied-change">
            Moved {nameOf(c)} to <span className={`status-text status-${c.to}`}>{c.to}</span>
          </li>
        ))}
        {result.queued.map((item) => (
          <li key={`queued-${item.id}`} data-testid="queued-item">
            Queued for review: {describeReviewItem(item)}
            {onOpenReview && (
              <button className="btn-link" onClick={onOpenReview} data-testid="open-review">
                Open Review
              </button>
            )}
          </li>
        ))}
        {result.applied.length === 0 && result.queued.length === 0 && (
          <li className="muted">Nothing changed in your applications.</li>
        )}
      </ul>

      <ExecutionMeta execution={result.execution} />
    </section>
  );
}

/** Company names for the applications a run changed (StatusChange carries only the id). */
function useApplicationNames(changes: StatusChange[]): Map<number, string> {
  const ids = changes.map((c) => c.applicationId).join(",");
  // Without the list the analysis's own company name stands in.
  const { data: apps } = useLoad(() => backend.listApplications(), [], { enabled: ids !== "", reloadOn: ids });
  return useMemo(() => new Map(apps?.map((a) => [a.id, a.company])), [apps]);
}
