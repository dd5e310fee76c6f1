import { useMemo, useState } from "react";
import { backend } from "../backend";
import { ConfirmDialog } from "../shared/ConfirmDialog";
import { settle, useLoad } from "../shared/useBackend";
import type { Application, IpcError, Status } from "../types";
import { AddApplicationForm } from "./AddApplicationForm";
import { ApplicationBoard } from "./ApplicationBoard";
import { ApplicationTable } from "./ApplicationTable";
import { filterApps, sortApps, type SortDir, type SortKey } from "./list";
import { TimelinePanel } from "./TimelinePanel";

interface Props {
  /** Whether the view is on screen; it reloads each time it comes back. */
  active?: boolean;
}

export function ApplicationsView({ active = true }: Props) {
  const load = useLoad(() => backend.listApplications(), [], { enabled: active });
  const [error, setError] = useState<IpcError | null>(null);
  const [adding, setAdding] = useState(false);
  const [pendingDelete, setPendingDelete] = useState<Application | null>(null);
  const [timelineFor, setTimelineFor] = useState<Application | null>(null);
  const [query, setQuery] = useState("");
  const [layout, setLayout] = useState<"table" | "board">("table");
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: "updatedAt", dir: "desc" });
  // The list as it stands: none while the last load failed.
  const list = load.error === null ? load.data : undefined;
  const ready = list !== undefined;
  const refresh = load.reload;

  const changeStatus = async (app: Application, status: Status) => {
    setError(null);
    const done = await settle(backend.setApplicationStatus(app.id, status));
    if (!done.ok) setError(done.error);
    await refresh();
  };

  const confirmDelete = async () => {
    if (!pendingDelete) return;
    setError(null);
    const done = await settle(backend.deleteApplication(pendingDelete.id));
    if (!done.ok) setError(done.error);
    setPendingDelete(null);
    await refresh();
  };

  const apps = useMemo(() => list ?? [], [list]);
  const shown = useMemo(() => sortApps(filterApps(apps, query), sort.key, sort.dir), [apps, query, sort]);
  const sortBy = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === "asc" ? "desc" : "asc" } : { key, dir: key === "updatedAt" || key === "createdAt" ? "desc" : "asc" }));

  return (
    <section className="panel" aria-labelledby="apps-title">
      <div className="panel-head">
        <h2 id="apps-title">
          Applications {ready && <span className="count">{apps.length}</span>}
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

      {!ready && !load.error && <p className="muted" aria-busy="true">Loading applications…</p>}
      {load.error && (
        <div className="banner banner-error" role="alert" data-testid="load-error">
          Could not load applications: {load.error.message}
          <button className="btn-link" onClick={() => void refresh()}>
            Try again
          </button>
        </div>
      )}
      {ready && apps.length === 0 && !adding && (
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
