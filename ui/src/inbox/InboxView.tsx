import { useState } from "react";
import { backend } from "../backend";
import type { AgentName } from "../shared/agents";
import { SettingsLink } from "../shared/runs/SettingsLink";
import { settle, useLoad } from "../shared/useBackend";
import type { AnalyzeResult, ImportProgress, ImportReport, IpcError } from "../types";
import { AnalysisResult } from "./AnalysisResult";
import { EmailDetail } from "./EmailDetail";
import { EmailList } from "./EmailList";
import { ImportReportView } from "./ImportReportView";
import { MailSyncBar } from "./MailSyncBar";

type Run = { state: "running" } | { state: "done"; result: AnalyzeResult } | { state: "failed"; error: IpcError };

interface Props {
  /** Whether the view is on screen; it reloads each time it comes back. */
  active?: boolean;
  /** Called after anything that may have changed the review queue. */
  onReviewChanged?: () => void;
  onOpenReview?: () => void;
  /** Opens the settings of the agent that analyses mail (when a run was refused by them). */
  onOpenSettings?: (agent: AgentName) => void;
  /** An email another view asked to show (a new request each time, even for the same id). */
  show?: { emailId: number } | null;
}

export function InboxView({ active = true, onReviewChanged, onOpenReview, onOpenSettings, show = null }: Props) {
  const load = useLoad(() => backend.listEmails(), [], { enabled: active });
  const [error, setError] = useState<IpcError | null>(null);
  const [importing, setImporting] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // Another view asked to show an email: select it (adjusting state to a new prop
  // while rendering, as React recommends over an effect).
  const [shown, setShown] = useState(show);
  if (show !== shown) {
    setShown(show);
    if (show) setSelectedId(show.emailId);
  }
  const [runs, setRuns] = useState<ReadonlyMap<number, Run>>(new Map());
  const [detailVersion, setDetailVersion] = useState(0);

  const refresh = load.reload;
  // The list as it stands: none while the last load failed.
  const list = load.error === null ? load.data : undefined;
  const ready = list !== undefined;
  const emails = list ?? [];

  // A sync imported (and maybe analysed) mail: the list and the review count follow.
  const synced = () => {
    void refresh();
    onReviewChanged?.();
    setDetailVersion((v) => v + 1);
  };

  const setRun = (id: number, run: Run) => setRuns((prev) => new Map(prev).set(id, run));

  const importMail = async () => {
    setError(null);
    const picked = await settle(backend.pickEmailFiles());
    if (!picked.ok) {
      setError(picked.error);
      return;
    }
    const paths = picked.value;
    if (paths.length === 0) return;
    setImporting(true);
    setReport(null);
    setProgress(null);
    const stop = await backend.onImportProgress(setProgress);
    const imported = await settle(backend.importEmails(paths));
    if (imported.ok) setReport(imported.value);
    else setError(imported.error);
    stop();
    setImporting(false);
    setProgress(null);
    await refresh();
    onReviewChanged?.();
  };

  const analyse = async (id: number) => {
    setSelectedId(id);
    setRun(id, { state: "running" });
    const analysed = await settle(backend.analyzeEmail(id));
    setRun(id, analysed.ok ? { state: "done", result: analysed.value } : { state: "failed", error: analysed.error });
    setDetailVersion((v) => v + 1);
    await refresh();
    onReviewChanged?.();
  };

  const analysing = new Set([...runs].filter(([, r]) => r.state === "running").map(([id]) => id));
  const run = selectedId === null ? undefined : runs.get(selectedId);
  const importButton = (testId: string) => (
    <button
      className="btn btn-primary"
      onClick={() => void importMail()}
      disabled={importing}
      aria-busy={importing || undefined}
      data-testid={testId}
    >
      {importing ? "Importing…" : "Import email…"}
    </button>
  );

  return (
    <section className="panel" aria-labelledby="inbox-title">
      <div className="panel-head">
        <h2 id="inbox-title">
          Inbox {ready && <span className="count">{emails.length}</span>}
        </h2>
        <div className="toolbar">
          <button className="btn" onClick={() => void refresh()} data-testid="inbox-refresh">
            Refresh
          </button>
          {importButton("import-button")}
        </div>
      </div>
      <MailSyncBar onSynced={synced} />

      {error && (
        <div className="banner banner-error" role="alert" data-testid="inbox-error">
          {error.message}
          <button className="btn-link" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      )}
      {importing && (
        <p className="muted" role="status" aria-busy="true" data-testid="import-progress">
          {progress
            ? `Importing… ${progress.messages.toLocaleString()} messages read${progress.file > 0 ? ` (file ${progress.file + 1})` : ""}`
            : "Importing…"}
        </p>
      )}
      {report && <ImportReportView report={report} onDismiss={() => setReport(null)} />}

      {!ready && !load.error && (
        <p className="muted" aria-busy="true">
          Loading emails…
        </p>
      )}
      {load.error && (
        <div className="banner banner-error" role="alert" data-testid="inbox-load-error">
          Could not load emails: {load.error.message}
          <button className="btn-link" onClick={() => void refresh()}>
            Try again
          </button>
        </div>
      )}
      {ready && emails.length === 0 && (
        <div className="empty" data-testid="inbox-empty">
          <h3>No emails yet</h3>
          <p>
            Add your mailbox in Settings → Mail accounts, or import .eml or .mbox files exported from
            your mail client. Jobtrail reads them on this computer, sorts out the job-search mail and
            keeps your applications up to date.
          </p>
          {importButton("inbox-empty-import")}
        </div>
      )}
      {emails.length > 0 && (
        <div className="inbox-layout">
          <EmailList
            emails={emails}
            selectedId={selectedId}
            analysing={analysing}
            onSelect={setSelectedId}
            onAnalyse={(id) => void analyse(id)}
          />
          <div className="inbox-detail">
            {selectedId === null ? (
              <p className="muted inbox-hint">Select an email to read it, or analyse it to sort it and update your applications.</p>
            ) : (
              <>
                {run?.state === "running" && (
                  <p className="muted" role="status" aria-busy="true" data-testid="analysis-running">
                    Analysing…
                  </p>
                )}
                {run?.state === "failed" && (
                  <div className="banner banner-error" role="alert" data-testid="analysis-error">
                    Could not analyse this email: {run.error.message}
                    <SettingsLink error={run.error} onOpenSettings={onOpenSettings && (() => onOpenSettings("email-analyst"))} />
                  </div>
                )}
                {run?.state === "done" && <AnalysisResult result={run.result} onOpenReview={onOpenReview} />}
                <EmailDetail
                  id={selectedId}
                  version={detailVersion}
                  showAnalysis={run?.state !== "done"}
                  onClose={() => setSelectedId(null)}
                  onChanged={() => void refresh()}
                />
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
