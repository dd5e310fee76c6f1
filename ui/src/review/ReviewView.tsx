import { useState } from "react";
import { backend } from "../backend";
import { settle, useLoad } from "../shared/useBackend";
import type { IpcError, ReviewItem } from "../types";
import { CalibrationPanel } from "./CalibrationPanel";
import { ReviewItemRow, type Decision } from "./ReviewItemRow";

interface Props {
  /** Whether the view is on screen; it reloads each time it comes back. */
  active?: boolean;
  /** Called after a decision, so the pending count can be refreshed. */
  onChanged?: () => void;
}

/** Agent proposals that need a person: conflicts, terminal states, new applications. */
export function ReviewView({ active = true, onChanged }: Props) {
  const [showDecided, setShowDecided] = useState(false);
  // The toggle can change while a load is under way: only the latest one lands.
  const load = useLoad(() => backend.listReviewItems(showDecided), [showDecided], { enabled: active });
  const [busy, setBusy] = useState<ReadonlyMap<number, Decision>>(new Map());
  const [errors, setErrors] = useState<ReadonlyMap<number, IpcError>>(new Map());
  // Bumped after a decision: a rejection counts against the run that proposed the item.
  const [calibrationVersion, setCalibrationVersion] = useState(0);

  const decide = async (item: ReviewItem, decision: Decision) => {
    setBusy((m) => new Map(m).set(item.id, decision));
    setErrors((m) => withoutKey(m, item.id));
    const decided = await settle(decision === "accept" ? backend.acceptReviewItem(item.id) : backend.rejectReviewItem(item.id));
    if (decided.ok) {
      const updated = decided.value;
      // A list that could not be loaded stays so.
      if (load.error === null) {
        load.setData((items) =>
          items && (showDecided ? items.map((i) => (i.id === item.id ? updated : i)) : items.filter((i) => i.id !== item.id)),
        );
      }
      setCalibrationVersion((v) => v + 1);
      onChanged?.();
    } else {
      setErrors((m) => new Map(m).set(item.id, decided.error));
    }
    setBusy((m) => withoutKey(m, item.id));
  };

  // The list as it stands: none while the last load failed.
  const list = load.error === null ? load.data : undefined;
  const ready = list !== undefined;
  const items = list ?? [];
  const pending = items.filter((i) => i.state === "pending").length;

  return (
    <section className="panel" aria-labelledby="review-title">
      <div className="panel-head">
        <h2 id="review-title">
          Review {ready && <span className="count">{pending} pending</span>}
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

      {!ready && !load.error && (
        <p className="muted" aria-busy="true">
          Loading review queue…
        </p>
      )}
      {load.error && (
        <div className="banner banner-error" role="alert" data-testid="review-load-error">
          Could not load the review queue: {load.error.message}
          <button className="btn-link" onClick={() => void load.reload()}>
            Try again
          </button>
        </div>
      )}
      {ready && items.length === 0 && (
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
