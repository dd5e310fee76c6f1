import { useEffect, useState } from "react";
import { backend } from "../backend";
import type { IpcError, TrayState } from "../types";

/**
 * The header's budget gauge and pause switch: today's spend against the daily budget
 * (as in the tray) and one button to pause or resume all agents. Follows the tray's
 * events, so a pause from the tray menu shows here at once.
 */
export function AgentsControl() {
  const [tray, setTray] = useState<TrayState | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);

  useEffect(() => {
    let cancelled = false;
    backend.getTrayState().then(
      (t) => !cancelled && setTray(t),
      () => {},
    );
    const stop = backend.onTrayChanged((t) => !cancelled && setTray(t));
    return () => {
      cancelled = true;
      void stop.then((f) => f());
    };
  }, []);

  if (!tray) return null;

  const toggle = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setTray(await backend.setAgentsPaused(!tray.paused));
    } catch (e) {
      setFailure(e as IpcError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="agents-control" data-testid="agents-control">
      {tray.title && (
        <span className={`gauge gauge-${tray.level}`} title={tray.detail} data-testid="spend-gauge">
          <span className="gauge-label">Today</span> {tray.title}
        </span>
      )}
      <button
        type="button"
        className={`btn ${tray.paused ? "btn-primary" : ""}`}
        onClick={toggle}
        disabled={busy}
        aria-pressed={tray.paused}
        title={tray.paused ? "Agents are paused: runs are refused until you resume" : "Stop all agent runs"}
        data-testid="pause-agents"
      >
        {tray.paused ? "Resume agents" : "Pause agents"}
      </button>
      {failure && (
        <span className="field-error" role="alert" data-testid="pause-error">
          {failure.message}
        </span>
      )}
    </div>
  );
}
