import { useState } from "react";
import { formatPercent } from "../shared/format";
import { ExecutionMeta } from "../shared/runs/ExecutionMeta";
import { RunFailure } from "../shared/runs/RunFailure";
import type { AgentRunResult, FollowUpDraft } from "../types";

type Copy = { state: "idle" } | { state: "copied" } | { state: "failed"; message: string };

/** A drafted follow-up, ready to copy into the mail client. */
export function FollowUpDraftView({ result }: { result: AgentRunResult<FollowUpDraft> }) {
  const [copy, setCopy] = useState<Copy>({ state: "idle" });
  const draft = result.output;
  if (!draft) {
    return (
      <div className="draft" data-testid="follow-up-draft">
        <RunFailure what="Drafting" error={result.error} execution={result.execution} />
        <ExecutionMeta execution={result.execution} />
      </div>
    );
  }

  const copyDraft = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("the clipboard is not available here");
      await navigator.clipboard.writeText(`Subject: ${draft.subject}\n\n${draft.body}`);
      setCopy({ state: "copied" });
    } catch (e) {
      setCopy({ state: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <div className="draft" data-testid="follow-up-draft">
      <div className="draft-head">
        <p className="draft-subject">
          <span className="muted">Subject:</span> <strong data-testid="follow-up-subject">{draft.subject}</strong>
        </p>
        <button className="btn btn-small" onClick={() => void copyDraft()} data-testid="follow-up-copy">
          Copy
        </button>
      </div>
      <pre className="draft-body" data-testid="follow-up-body">
        {draft.body}
      </pre>
      <p className="draft-foot" role="status">
        {copy.state === "copied" && <span className="saved">Copied to the clipboard</span>}
        {copy.state === "failed" && (
          <span className="field-error" data-testid="follow-up-copy-error">
            Could not copy: {copy.message}. Select the text and copy it instead.
          </span>
        )}
        {copy.state === "idle" && <span className="muted">{formatPercent(draft.confidence)} confident</span>}
      </p>
      <ExecutionMeta execution={result.execution} />
    </div>
  );
}
