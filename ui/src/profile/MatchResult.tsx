import { formatPercent, recommendationLabel } from "../shared/format";
import { ExecutionMeta } from "../shared/runs/ExecutionMeta";
import { RunFailure } from "../shared/runs/RunFailure";
import type { AgentRunResult, JobMatchResult } from "../types";

function scoreBand(score: number): "high" | "mid" | "low" {
  return score >= 70 ? "high" : score >= 40 ? "mid" : "low";
}

function SkillChips({ label, skills, kind }: { label: string; skills: string[]; kind: "matched" | "missing" }) {
  return (
    <div className="skills">
      <h4 className="subhead">{label}</h4>
      {skills.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        <ul className="chips" data-testid={`${kind}-skills`}>
          {skills.map((s) => (
            <li key={s} className={`chip chip-${kind}`}>
              {s}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A job post's score against the profile, with the skills behind it. */
export function MatchResult({ result }: { result: AgentRunResult<JobMatchResult> }) {
  const out = result.output;
  if (!out) {
    return (
      <div className="match-result" data-testid="job-match-result">
        <RunFailure what="Scoring" error={result.error} execution={result.execution} />
        <ExecutionMeta execution={result.execution} />
      </div>
    );
  }
  const score = Math.round(Math.min(100, Math.max(0, out.score)));
  return (
    <section className="match-result" aria-label="Match result" data-testid="job-match-result">
      <div className="match-head">
        <p className={`score score-${scoreBand(score)}`}>
          <span className="sr-only">Score </span>
          <span data-testid="job-match-score">{score}</span>
          <small>/100</small>
        </p>
        <div className="match-verdict">
          <span className={`chip chip-rec-${out.recommendation}`} data-testid="job-match-recommendation">
            {recommendationLabel(out.recommendation)}
          </span>
          <span className="muted">{formatPercent(out.confidence)} confident</span>
        </div>
      </div>
      {out.summary && <p className="match-summary">{out.summary}</p>}
      <div className="skills-grid">
        <SkillChips label="Matched skills" skills={out.matched_skills} kind="matched" />
        <SkillChips label="Missing skills" skills={out.missing_skills} kind="missing" />
      </div>
      <ExecutionMeta execution={result.execution} />
    </section>
  );
}
