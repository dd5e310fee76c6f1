import { useCallback, useEffect, useRef, useState } from "react";
import { backend } from "../backend";
import type { IpcError, ReviewItem } from "../types";
import { CalibrationPanel } from "./CalibrationPanel";
import { ReviewItemRow, type Decision } from "./ReviewItemRow";

type Load = { state: "loading" } | { state: "ready"; items: ReviewItem[] } | { state: "failed"; error: IpcError };

interface Props {
  /** Whether the view is on screen; it reloads each time it comes back. */
  active?: boolean;
  /** Called after a decision, so the pending count can be refreshed. */
  onChanged?: () => void;
}

/** Agent proposals that need a person: conflicts, terminal states, new applications. */
export function ReviewView({ active = true, onChanged }: Props) {
  const [showDecided, setShowDecided] = useState(false);
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [busy, setBusy] = useState<ReadonlyMap<number, Decision>>(new Map());
  const [errors, setErrors] = useState<ReadonlyMap<number, IpcError>>(new Map());
  // Bumped after a decision: a rejection counts against the run that proposed the item.
  const [calibrationVersion, setCalibrationVersion] = useState(0);

  // Only the latest request may set the list (the toggle can change while one is in flight).
  const latest = useRef(0);
  const refresh = useCallback(async () => {
    const seq = ++latest.current;
    try {
      const items = await backend.listReviewItems(showDecided);
      if (seq === latest.current) setLoad({ state: "ready", items });
    } catch (e) {
      if (seq === latest.current) setLoad({ state: "failed", error: e as IpcError });
    }
  }, [showDecided]);

  useEffect(() => {
    if (active) void refresh();
  }, [active, refresh]);

  const decide = async (item: ReviewItem, decision: Decision) => {
    setBusy((m) => new Map(m).set(item.id, decision));
    setErrors((m) => withoutKey(m, item.id));
    try {
      const updated =
        decision === "accept" ? await backend.acceptReviewItem(item.id) : await backend.rejectReviewItem(item.id);
      setLoad((l) =>
        l.state !== "ready"
          ? l
          : {
              state: "ready",
              items: showDecided
                ? l.items.map((i) => (i.id === item.id ? updated : i))
                : l.items.filter((i) => i.id !== item.id),
            },
      );
      setCalibrationVersion((v) => v + 1);
      onChanged?.();
    } catch (e) {
      setErrors((m) => new Map(m).set(item.id, e as IpcError));
    } finally {
      setBusy((m) => withoutKey(m, item.id));
    }
  };

  const items = load.state === "ready" ? load.items : [];
  const pending = items.filter((i) => i.state === "pending").length;

  return (
    <section className="panel" aria-labelledby="review-title">
      <div className="panel-head">
        <h2 id="review-title">
          Review {load.state === "ready" && <span className="count">{pending} pending</span>}
        </h2>
        <label className="toggle">
          <input
            type="checkbox"
            checked={showDecided}
            onChange={(e) => setShowDecided(e.target.checked)}
            data-testid="review-show-decided"
          />
          <span>Show decided</span>
        </label>
      </div>
      <p className="muted panel-intro">
        Agents apply clear, non-conflicting changes on their own. Anything that conflicts with what you
        set, ends an application, or adds a new one waits here for you.
      </p>

      {load.state === "loading" && (
        <p className="muted" aria-busy="true">
          Loading review queue…
        </p>
      )}
      {load.state === "failed" && (
        <div className="banner banner-error" role="alert" data-testid="review-load-error">
          Could not load the review queue: {load.error.message}
          <button className="btn-link" onClick={() => void refresh()}>
            Try again
          </button>
        </div>
      )}
      {load.state === "ready" && items.length === 0 && (
        <div className="empty" data-testid="review-empty">
          <h3>Nothing to review</h3>
          <p>
            {showDecided
              ? "No agent has proposed anything yet."
              : "When an agent proposes a change that needs your say, it shows up here."}
          </p>
        </div>
      )}
      {items.length > 0 && (
        <ul className="review-list">
          {items.map((item) => (
            <ReviewItemRow
              key={item.id}
              item={item}
              busy={busy.get(item.id) ?? null}
              error={errors.get(item.id) ?? null}
              onDecide={(i, d) => void decide(i, d)}
            />
          ))}
        </ul>
      )}

      <CalibrationPanel active={active} version={calibrationVersion} />
    </section>
  );
}

function withoutKey<V>(m: ReadonlyMap<number, V>, key: number): ReadonlyMap<number, V> {
  if (!m.has(key)) return m;
  const next = new Map(m);
  next.delete(key);
  return next;
}
