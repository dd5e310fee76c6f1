import { useCallback, useEffect, useMemo, useState } from "react";
import { backend } from "../backend";
import type { Application, IpcError, Status } from "../types";
import { filterApps, sortApps, type SortDir, type SortKey } from "./list";
import { AddApplicationForm } from "./AddApplicationForm";
import { ApplicationBoard } from "./ApplicationBoard";
import { ApplicationTable } from "./ApplicationTable";
import { ConfirmDialog } from "../shared/ConfirmDialog";
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
  const [query, setQuery] = useState("");
  const [layout, setLayout] = useState<"table" | "board">("table");
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: "updatedAt", dir: "desc" });

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
  const shown = useMemo(() => sortApps(filterApps(apps, query), sort.key, sort.dir), [apps, query, sort]);
  const sortBy = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === "asc" ? "desc" : "asc" } : { key, dir: key === "updatedAt" || key === "createdAt" ? "desc" : "asc" }));

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
        <div className="apps-toolbar">
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search company, role, place, notes, status"
            aria-label="Search applications"
            data-testid="apps-search"
          />
          <div role="group" aria-label="Layout" className="segmented">
            <button type="button" aria-pressed={layout === "table"} onClick={() => setLayout("table")} data-testid="layout-table">
              Table
            </button>
            <button type="button" aria-pressed={layout === "board"} onClick={() => setLayout("board")} data-testid="layout-board">
              Board
            </button>
          </div>
          {query.trim() !== "" && (
            <span className="muted" role="status">
              {shown.length} of {apps.length}
            </span>
          )}
        </div>
      )}
      {apps.length > 0 && shown.length === 0 && (
        <p className="muted" data-testid="no-matches">
          No application matches “{query.trim()}”.
        </p>
      )}
      {shown.length > 0 && layout === "table" && (
        <ApplicationTable
          apps={shown}
          sort={sort}
          onSort={sortBy}
          onStatus={changeStatus}
          onDelete={setPendingDelete}
          onTimeline={setTimelineFor}
        />
      )}
      {apps.length > 0 && layout === "board" && (
        <ApplicationBoard apps={shown} onStatus={changeStatus} onTimeline={setTimelineFor} />
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
