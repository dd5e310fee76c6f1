import { formatWhen } from "../shared/format";
import type { Application, Status } from "../types";
import { STATUSES } from "../types";
import type { SortDir, SortKey } from "./list";

interface Props {
  apps: Application[];
  sort: { key: SortKey; dir: SortDir };
  onSort: (key: SortKey) => void;
  onStatus: (app: Application, status: Status) => void;
  onDelete: (app: Application) => void;
  onTimeline: (app: Application) => void;
}

export function ApplicationTable({ apps, sort, onSort, onStatus, onDelete, onTimeline }: Props) {
  /** A header that sorts by its column; a second click reverses. */
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(key)} data-testid={`sort-${key}`}>
        {label}
        {sort.key === key ? (sort.dir === "asc" ? " ↑" : " ↓") : ""}
      </button>
    </th>
  );
  return (
    <table className="apps" data-testid="applications-table">
      <thead>
        <tr>
          {header("company", "Company")}
          {header("role", "Role")}
          {header("status", "Status")}
          <th scope="col">Location</th>
          {header("updatedAt", "Updated")}
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {apps.map((app) => (
          <tr key={app.id} data-testid="application-row" data-id={app.id}>
            <td className="company">
              {app.url ? (
                <span title={app.url}>{app.company}</span>
              ) : (
                app.company
              )}
            </td>
            <td>{app.role}</td>
            <td>
              <select
                className={`status status-${app.status}`}
                value={app.status}
                aria-label={`Status of ${app.role} at ${app.company}`}
                data-testid="status-select"
                onChange={(e) => onStatus(app, e.target.value as Status)}
              >
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </td>
            <td className="muted">{app.location ?? "—"}</td>
            <td className="muted" title={new Date(app.updatedAt).toISOString()}>
              {formatWhen(app.updatedAt)}
            </td>
            <td className="actions">
              <button
                className="btn btn-quiet"
                onClick={() => onTimeline(app)}
                aria-label={`Timeline of ${app.role} at ${app.company}`}
                data-testid="timeline-button"
              >
                Timeline
              </button>
              <button
                className="btn btn-ghost"
                onClick={() => onDelete(app)}
                aria-label={`Delete ${app.role} at ${app.company}`}
                data-testid="delete-button"
              >
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
