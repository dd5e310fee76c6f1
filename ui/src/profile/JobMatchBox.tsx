import { useState, type FormEvent } from "react";
import { backend } from "../backend";
import type { AgentName } from "../shared/agents";
import { SettingsLink } from "../shared/runs/SettingsLink";
import { settle } from "../shared/useBackend";
import type { AgentRunResult, IpcError, JobMatchResult } from "../types";
import { MatchResult } from "./MatchResult";

interface Props {
  /** Opens JobMatch's settings (when a run was refused by them). */
  onOpenSettings?: (agent: AgentName) => void;
}

/** Paste a job post, get it scored against the profile. */
export function JobMatchBox({ onOpenSettings }: Props) {
  const [post, setPost] = useState("");
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<AgentRunResult<JobMatchResult> | null>(null);
  const [postError, setPostError] = useState<string | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setPostError(null);
    if (!post.trim()) {
      setPostError("Paste a job post to score it");
      return;
    }
    setRunning(true);
    const scored = await settle(backend.runJobMatch(post));
    if (scored.ok) setResult(scored.value);
    else if (scored.error.code === "invalid_input" && scored.error.field === "post") setPostError(scored.error.message);
    else setFailure(scored.error);
    setRunning(false);
  };

  return (
    <section className="panel" aria-labelledby="match-title">
      <div className="panel-head">
        <h2 id="match-title">Job match</h2>
      </div>
      <form onSubmit={submit} noValidate aria-labelledby="match-title">
        <label className="field">
          <span>Job post</span>
          <textarea
            name="post"
            rows={8}
            value={post}
            onChange={(e) => setPost(e.target.value)}
            placeholder="Paste the full text of a job post"
            aria-invalid={postError ? true : undefined}
            aria-describedby={postError ? "job-post-error" : undefined}
            data-testid="job-post-input"
          />
          {postError && (
            <small className="field-error" id="job-post-error" role="alert" data-testid="job-post-error">
              {postError}
            </small>
          )}
        </label>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={running} aria-busy={running || undefined} data-testid="job-match-button">
            {running ? "Scoring…" : "Score this job"}
          </button>
        </div>
      </form>
      {failure && (
        <div className="banner banner-error" role="alert" data-testid="job-match-error">
          Could not score this job: {failure.message}
          <SettingsLink error={failure} onOpenSettings={onOpenSettings && (() => onOpenSettings("job-match"))} />
        </div>
      )}
      {result && <MatchResult result={result} />}
    </section>
  );
}
