import { useCallback, useEffect, useState } from "react";
import { backend } from "../backend";
import type { Application, IpcError, Status } from "../types";
import { AddApplicationForm } from "./AddApplicationForm";
import { ApplicationTable } from "./ApplicationTable";
import { ConfirmDialog } from "./ConfirmDialog";
import { TimelinePanel } from "./TimelinePanel";

type Load = { state: "loading" } | { state: "ready"; apps: Application[] } | { state: "failed"; error: IpcError };

interface Props {
  /** Whether the view is on screen; it reloads each time it comes back. */
  active?: boolean;
}

export function ApplicationsView({ active = true }: Props) {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [error, setError] = useState<IpcError | null>(null);
  const [adding, setAdding] = useState(false);
  const [pendingDelete, setPendingDelete] = useState<Application | null>(null);
  const [timelineFor, setTimelineFor] = useState<Application | null>(null);

  const refresh = useCallback(async () => {
    try {
      setLoad({ state: "ready", apps: await backend.listApplications() });
    } catch (e) {
      setLoad({ state: "failed", error: e as IpcError });
    }
  }, []);

  useEffect(() => {
    if (active) void refresh();
  }, [active, refresh]);

  const changeStatus = async (app: Application, status: Status) => {
    setError(null);
    try {
      await backend.setApplicationStatus(app.id, status);
    } catch (e) {
      setError(e as IpcError);
    }
    await refresh();
  };

  const confirmDelete = async () => {
    if (!pendingDelete) return;
    setError(null);
    try {
      await backend.deleteApplication(pendingDelete.id);
    } catch (e) {
      setError(e as IpcError);
    }
    setPendingDelete(null);
    await refresh();
  };

  const apps = load.state === "ready" ? load.apps : [];

  return (
    <section className="panel" aria-labelledby="apps-title">
      <div className="panel-head">
        <h2 id="apps-title">
          Applications {load.state === "ready" && <span className="count">{apps.length}</span>}
        </h2>
        {!adding && (
          <button className="btn btn-primary" onClick={() => setAdding(true)} data-testid="add-open">
            Add application
          </button>
        )}
      </div>

      {error && (
        <div className="banner banner-error" role="alert" data-testid="error-banner">
          {error.message}
          <button className="btn-link" onClick={() => setError(null)} aria-label="Dismiss">
            Dismiss
          </button>
        </div>
      )}

      {adding && (
        <AddApplicationForm
          onCancel={() => setAdding(false)}
          onAdded={async () => {
            setAdding(false);
            await refresh();
          }}
        />
      )}

      {load.state === "loading" && <p className="muted" aria-busy="true">Loading applications…</p>}
      {load.state === "failed" && (
        <div className="banner banner-error" role="alert" data-testid="load-error">
          Could not load applications: {load.error.message}
          <button className="btn-link" onClick={() => void refresh()}>
            Try again
          </button>
        </div>
      )}
      {load.state === "ready" && apps.length === 0 && !adding && (
        <div className="empty" data-testid="empty-state">
          <h3>No applications yet</h3>
          <p>
            Add the jobs you have applied to or want to apply to. Jobtrail keeps each one's
            status and history on this computer.
          </p>
          <button className="btn btn-primary" onClick={() => setAdding(true)}>
            Add your first application
          </button>
        </div>
      )}
      {apps.length > 0 && (
        <ApplicationTable
          apps={apps}
          onStatus={changeStatus}
          onDelete={setPendingDelete}
          onTimeline={setTimelineFor}
        />
      )}

      {timelineFor && <TimelinePanel application={timelineFor} onClose={() => setTimelineFor(null)} />}

      {pendingDelete && (
        <ConfirmDialog
          title="Delete application?"
          confirmLabel="Delete"
          onConfirm={confirmDelete}
          onCancel={() => setPendingDelete(null)}
        >
          {pendingDelete.role} at {pendingDelete.company} and its whole history will be deleted.
          This cannot be undone.
        </ConfirmDialog>
      )}
    </section>
  );
}
