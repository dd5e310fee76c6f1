import { backend } from "../backend";
import { useAction, useBackendEvent, useLoad } from "../shared/useBackend";

/**
 * The header's budget gauge and pause switch: today's spend against the daily budget
 * (as in the tray) and one button to pause or resume all agents. Follows the tray's
 * events, so a pause from the tray menu shows here at once.
 */
export function AgentsControl() {
  // Without the tray's state (it could not be read) nothing shows until an event brings it.
  const load = useLoad(() => backend.getTrayState(), []);
  useBackendEvent(backend.onTrayChanged, (t) => load.setData(() => t));
  const pause = useAction((paused: boolean) => backend.setAgentsPaused(paused));
  const tray = load.data;

  if (!tray) return null;

  const toggle = async () => {
    const done = await pause.run(!tray.paused);
    if (done.ok) load.setData(() => done.value);
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
        disabled={pause.pending}
        aria-pressed={tray.paused}
        title={tray.paused ? "Agents are paused: runs are refused until you resume" : "Stop all agent runs"}
        data-testid="pause-agents"
      >
        {tray.paused ? "Resume agents" : "Pause agents"}
      </button>
      {pause.error && (
        <span className="field-error" role="alert" data-testid="pause-error">
          {pause.error.message}
        </span>
      )}
    </div>
  );
}
