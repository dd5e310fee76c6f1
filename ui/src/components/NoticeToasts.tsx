import { useEffect, useState } from "react";
import { backend } from "../backend";
import type { Notice } from "../types";

/** How long a toast stays, unless it is urgent (those stay until dismissed). */
export const TOAST_MS = 12_000;

/**
 * Notices the desktop could not show (no notification server): shown here instead,
 * so a budget or an escalation is never missed.
 */
export function NoticeToasts() {
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    let cancelled = false;
    const stop = backend.onNoticeShown(({ notice, delivered }) => {
      if (cancelled || delivered) return;
      setNotices((prev) => [...prev.filter((n) => n.key !== notice.key), notice].slice(-4));
      if (!notice.urgent) {
        setTimeout(() => setNotices((prev) => prev.filter((n) => n.key !== notice.key)), TOAST_MS);
      }
    });
    return () => {
      cancelled = true;
      void stop.then((f) => f());
    };
  }, []);

  const dismiss = (key: string) => setNotices((prev) => prev.filter((n) => n.key !== key));

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
