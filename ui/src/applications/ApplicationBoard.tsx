import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import { formatWhen } from "../shared/format";
import { STATUSES, type Application, type Status } from "../types";
import { byStatus, neighbour } from "./list";

interface Props {
  apps: Application[];
  /** Resolves once the change is stored and `apps` reloaded. */
  onStatus: (app: Application, status: Status) => void | Promise<void>;
  onTimeline: (app: Application) => void;
}

const MIME = "application/x-jobtrail-application";

/**
 * The pipeline: one column per status. Drag a card to another column to change its
 * status; with the keyboard, focus a card and press Ctrl+← or Ctrl+→.
 */
export function ApplicationBoard({ apps, onStatus, onTimeline }: Props) {
  const groups = byStatus(apps);
  const [over, setOver] = useState<Status | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const find = (id: number) => apps.find((a) => a.id === id);
  const board = useRef<HTMLDivElement>(null);
  // A moved card is drawn anew in its new column, once the list has reloaded: focus
  // goes back to it then. `from` is the list it was moved in.
  const refocus = useRef<{ id: number; from: Application[] } | null>(null);
  const moving = useRef(false);

  useEffect(() => {
    const card = refocus.current;
    if (!card || apps === card.from) return;
    board.current?.querySelector<HTMLElement>(`[data-card-id="${card.id}"]`)?.focus();
    refocus.current = null;
  }, [apps]);

  const drop = (status: Status) => (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setOver(null);
    const id = Number(e.dataTransfer.getData(MIME) || dragging);
    const app = find(id);
    setDragging(null);
    if (app && app.status !== status) onStatus(app, status);
  };

  const move = (app: Application) => (e: KeyboardEvent<HTMLElement>) => {
    if (!e.ctrlKey || (e.key !== "ArrowLeft" && e.key !== "ArrowRight")) return;
    e.preventDefault();
    // A held key repeats: one move at a time, each from the status it has landed in.
    if (moving.current) return;
    const next = neighbour(app.status, e.key === "ArrowLeft" ? -1 : 1);
    if (!next) return;
    moving.current = true;
    refocus.current = { id: app.id, from: apps };
    void Promise.resolve(onStatus(app, next)).finally(() => {
      moving.current = false;
    });
  };

  return (
    <div ref={board} className="board" data-testid="board" aria-label="Pipeline: drag a card, or focus it and press Ctrl+arrow, to change its status">
      {STATUSES.map((status) => {
        const cards = groups.get(status) ?? [];
        return (
          <section
            key={status}
            className={`board-column${over === status ? " drop-target" : ""}`}
            aria-labelledby={`board-${status}`}
            onDragOver={(e) => {
              e.preventDefault();
              e.dataTransfer.dropEffect = "move";
              setOver(status);
            }}
            onDragLeave={() => setOver((s) => (s === status ? null : s))}
            onDrop={drop(status)}
            data-testid={`board-column-${status}`}
          >
            <h3 id={`board-${status}`} className="board-title">
              <span className={`status status-${status}`}>{status}</span> <span className="count">{cards.length}</span>
            </h3>
            <ul className="board-cards">
              {cards.map((a) => (
                <li
                  key={a.id}
                  className={`board-card${dragging === a.id ? " dragging" : ""}`}
                  draggable
                  tabIndex={0}
                  data-card-id={a.id}
                  aria-keyshortcuts="Control+ArrowLeft Control+ArrowRight"
                  aria-label={`${a.role} at ${a.company}, ${a.status}`}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(MIME, String(a.id));
                    e.dataTransfer.effectAllowed = "move";
                    setDragging(a.id);
                  }}
                  onDragEnd={() => setDragging(null)}
                  onKeyDown={move(a)}
                  data-testid="board-card"
                >
                  <strong className="board-company">{a.company}</strong>
                  <span className="board-role">{a.role}</span>
                  <span className="board-meta">
                    {a.location ? `${a.location} · ` : ""}
                    {formatWhen(a.updatedAt)}
                  </span>
                  <button type="button" className="btn-link board-timeline" onClick={() => onTimeline(a)}>
                    Timeline
                  </button>
                </li>
              ))}
              {cards.length === 0 && <li className="board-empty muted">Drop here</li>}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
