import { useState } from "react";
import { backend } from "../backend";
import type { AgentName } from "../shared/agents";
import { plural } from "../shared/format";
import { SettingsLink } from "../shared/runs/SettingsLink";
import { settle, useLoad } from "../shared/useBackend";
import type { AgentRunResult, FollowUpDraft, IpcError } from "../types";
import { FollowUpDraftView } from "./FollowUpDraftView";

type Draft = { state: "running" } | { state: "done"; result: AgentRunResult<FollowUpDraft> } | { state: "failed"; error: IpcError };

const MAX_DAYS = 365;

function parseDays(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(n) && n >= 1 && n <= MAX_DAYS ? n : null;
}

interface Props {
  /** Whether the view is on screen; the list reloads each time it comes back. */
  active?: boolean;
  /** Opens FollowUp's settings (when a run was refused by them). */
  onOpenSettings?: (agent: AgentName) => void;
}

/** Applications with no activity for a while, and a drafted nudge for each. */
export function FollowUps({ active = true, onOpenSettings }: Props) {
  const [daysText, setDaysText] = useState("7");
  const [drafts, setDrafts] = useState<ReadonlyMap<number, Draft>>(new Map());
  const days = parseDays(daysText);
  // Days can change while a load is under way: only the latest one lands.
  const load = useLoad(async () => (days === null ? [] : backend.listFollowUpsDue(days)), [days], {
    enabled: active && days !== null,
  });

  const draft = async (applicationId: number) => {
    const set = (d: Draft) => setDrafts((m) => new Map(m).set(applicationId, d));
    set({ state: "running" });
    const drafted = await settle(backend.runFollowUp(applicationId));
    set(drafted.ok ? { state: "done", result: drafted.value } : { state: "failed", error: drafted.error });
  };

  // The list as it stands: none while the last load failed.
  const list = load.error === null ? load.data : undefined;
  const ready = list !== undefined;
  const due = list ?? [];

  return (
    <section className="panel" aria-labelledby="followups-title">
      <div className="panel-head">
        <h2 id="followups-title">Follow-ups</h2>
        <label className="inline-field">
          <span>Quiet for at least</span>
          <input
            type="number"
            min={1}
            max={MAX_DAYS}
            step={1}
            inputMode="numeric"
            value={daysText}
            onChange={(e) => setDaysText(e.target.value)}
            aria-invalid={days === null ? true : undefined}
            aria-describedby={days === null ? "followup-days-error" : undefined}
            data-testid="follow-up-days"
          />
          <span>days</span>
        </label>
      </div>
      {days === null && (
        <p className="field-error" id="followup-days-error" role="alert">
          Enter a whole number of days from 1 to {MAX_DAYS}.
        </p>
      )}

      {!ready && !load.error && (
        <p className="muted" aria-busy="true">
          Looking for quiet applications…
        </p>
      )}
      {load.error && (
        <div className="banner banner-error" role="alert" data-testid="follow-up-load-error">
          Could not list follow-ups: {load.error.message}
          <button className="btn-link" onClick={() => void load.reload()}>
            Try again
          </button>
        </div>
      )}
      {ready && due.length === 0 && days !== null && (
        <p className="muted" data-testid="follow-up-empty">
          Nothing is waiting: every open application has had activity in the last {plural(days, "day")}.
        </p>
      )}
      {due.length > 0 && (
        <ul className="followup-list">
          {due.map(({ application: app, daysSinceActivity }) => {
            const d = drafts.get(app.id);
            return (
              <li key={app.id} className="followup-row" data-testid="follow-up-row">
                <div className="followup-line">
                  <div>
                    <strong>{app.company}</strong> <span className="muted">· {app.role} ·</span>{" "}
                    <span className={`status-text status-${app.status}`}>{app.status}</span>
                    <div className="muted">{plural(daysSinceActivity, "day")} since the last activity</div>
                  </div>
                  <button
                    className="btn"
                    onClick={() => void draft(app.id)}
                    disabled={d?.state === "running"}
                    aria-busy={d?.state === "running" || undefined}
                    aria-label={`Draft follow-up for ${app.role} at ${app.company}`}
                    data-testid="follow-up-button"
                  >
                    {d?.state === "running" ? "Drafting…" : d?.state === "done" ? "Draft again" : "Draft follow-up"}
                  </button>
                </div>
                {d?.state === "failed" && (
                  <p className="field-error" role="alert" data-testid="follow-up-error">
                    Could not draft a follow-up: {d.error.message}
                    <SettingsLink error={d.error} onOpenSettings={onOpenSettings && (() => onOpenSettings("follow-up"))} />
                  </p>
                )}
                {d?.state === "done" && <FollowUpDraftView key={d.result.execution.executionId} result={d.result} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
