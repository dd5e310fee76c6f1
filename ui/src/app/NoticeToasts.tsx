import { useCallback, useEffect, useRef, useState } from "react";
import { backend } from "../backend";
import { useBackendEvent } from "../shared/useBackend";
import type { Notice } from "../types";

/** How long a toast stays, unless it is urgent (those stay until dismissed). */
export const TOAST_MS = 12_000;

/**
 * Notices the desktop could not show (no notification server): shown here instead,
 * so a budget or an escalation is never missed.
 */
export function NoticeToasts() {
  const [notices, setNotices] = useState<Notice[]>([]);
  // Each toast's auto-dismiss, by key: a replaced or dismissed toast's old timer must
  // not take away the one shown now under the same key.
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const forget = useCallback((key: string) => {
    clearTimeout(timers.current.get(key));
    timers.current.delete(key);
  }, []);

  const dismiss = useCallback(
    (key: string) => {
      forget(key);
      setNotices((prev) => prev.filter((n) => n.key !== key));
    },
    [forget],
  );

  useBackendEvent(backend.onNoticeShown, ({ notice, delivered }) => {
    if (delivered) return;
    forget(notice.key);
    setNotices((prev) => [...prev.filter((n) => n.key !== notice.key), notice].slice(-4));
    if (!notice.urgent) timers.current.set(notice.key, setTimeout(() => dismiss(notice.key), TOAST_MS));
  });

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  return (
    <div className="toasts" aria-live="polite" data-testid="toasts">
      {notices.map((n) => (
        <div key={n.key} className={`toast${n.urgent ? " toast-urgent" : ""}`} role={n.urgent ? "alert" : "status"} data-testid="toast">
          <strong>{n.title}</strong>
          <p>{n.body}</p>
          <button type="button" className="btn-link toast-close" onClick={() => dismiss(n.key)} aria-label={`Dismiss: ${n.title}`}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
