import { useEffect } from "react";
import { backend } from "../backend";

/** The fallback refresh when no event arrives, as in the spec. */
export const REFRESH_MS = 30_000;
/** Events close together make one reload. */
export const SETTLE_MS = 400;

/**
 * Calls `reload` while `active`: after each run, breaker change or alert change the
 * backend announces (a burst makes one call), and every 30 s as a fallback. The first
 * load, when the view is shown, is the caller's (useLoad's `enabled`).
 */
export function useLive(active: boolean, reload: () => void) {
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => reload(), SETTLE_MS);
    };
    const every = setInterval(() => reload(), REFRESH_MS);
    const stops = [backend.onExecutionFinished(soon), backend.onCircuitChanged(soon), backend.onAlertsChanged(soon)];
    return () => {
      clearInterval(every);
      if (timer) clearTimeout(timer);
      for (const stop of stops) void stop.then((f) => f());
    };
  }, [active, reload]);
}
