import { useCallback, useEffect, useState } from "react";
import { backend } from "../backend";
import type { AnalyzeResult, EmailSummary, ImportProgress, ImportReport, IpcError } from "../types";
import { AnalysisResult } from "./AnalysisResult";
import { EmailDetail } from "./EmailDetail";
import { EmailList } from "./EmailList";
import { ImportReportView } from "./ImportReportView";
import { MailSyncBar } from "./MailSyncBar";
import { SettingsLink } from "../shared/runs/SettingsLink";

type Load = { state: "loading" } | { state: "ready"; emails: EmailSummary[] } | { state: "failed"; error: IpcError };

type Run = { state: "running" } | { state: "done"; result: AnalyzeResult } | { state: "failed"; error: IpcError };

interface Props {
  /** Whether the view is on screen; it reloads each time it comes back. */
  active?: boolean;
  /** Called after anything that may have changed the review queue. */
  onReviewChanged?: () => void;
  onOpenReview?: () => void;
  /** Opens the settings of the agent that analyses mail (when a run was refused by them). */
  onOpenSettings?: (agent: string) => void;
}

export function InboxView({ active = true, onReviewChanged, onOpenReview, onOpenSettings }: Props) {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [error, setError] = useState<IpcError | null>(null);
  const [importing, setImporting] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [runs, setRuns] = useState<ReadonlyMap<number, Run>>(new Map());
  const [detailVersion, setDetailVersion] = useState(0);

  const refresh = useCallback(async () => {
    try {
      setLoad({ state: "ready", emails: await backend.listEmails() });
    } catch (e) {
      setLoad({ state: "failed", error: e as IpcError });
    }
  }, []);

  useEffect(() => {
    if (active) void refresh();
  }, [active, refresh]);

  // A sync imported (and maybe analysed) mail: the list and the review count follow.
  const synced = () => {
    void refresh();
    onReviewChanged?.();
    setDetailVersion((v) => v + 1);
  };

  const setRun = (id: number, run: Run) => setRuns((prev) => new Map(prev).set(id, run));

  const importMail = async () => {
    setError(null);
    let paths: string[];
    try {
      paths = await backend.pickEmailFiles();
    } catch (e) {
      setError(e as IpcError);
      return;
    }
    if (paths.length === 0) return;
    setImporting(true);
    setReport(null);
    setProgress(null);
    const stop = await backend.onImportProgress(setProgress);
    try {
      setReport(await backend.importEmails(paths));
    } catch (e) {
      setError(e as IpcError);
    } finally {
      stop();
      setImporting(false);
      setProgress(null);
    }
    await refresh();
    onReviewChanged?.();
  };

  const analyse = async (id: number) => {
    setSelectedId(id);
    setRun(id, { state: "running" });
    try {
      setRun(id, { state: "done", result: await backend.analyzeEmail(id) });
    } catch (e) {
      setRun(id, { state: "failed", error: e as IpcError });
    }
    setDetailVersion((v) => v + 1);
    await refresh();
    onReviewChanged?.();
  };

  const emails = load.state === "ready" ? load.emails : [];
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
          Inbox {load.state === "ready" && <span className="count">{emails.length}</span>}
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

      {load.state === "loading" && (
        <p className="muted" aria-busy="true">
          Loading emails…
        </p>
      )}
      {load.state === "failed" && (
        <div className="banner banner-error" role="alert" data-testid="inbox-load-error">
          Could not load emails: {load.error.message}
          <button className="btn-link" onClick={() => void refresh()}>
            Try again
          </button>
        </div>
      )}
      {load.state === "ready" && emails.length === 0 && (
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
