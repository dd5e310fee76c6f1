import { useEffect, useState } from "react";
import { backend } from "../backend";
import type { IpcError, Settings } from "../types";
import { AgentConfigForm } from "./AgentConfigForm";
import { ProviderForm } from "./ProviderForm";

/** The agents whose settings can be changed, in the order they are shown; the backend has the same list. */
export const AGENTS: readonly { agent: string; label: string; description: string }[] = [
  {
    agent: "email-analyst",
    label: "Email analyst",
    description: "Sorts imported mail, finds the company, role and dates, and proposes status changes.",
  },
  { agent: "job-match", label: "Job match", description: "Scores a job post against your profile." },
  { agent: "follow-up", label: "Follow-up", description: "Drafts a follow-up for applications that have gone quiet." },
];

type Load = { state: "loading" } | { state: "ready"; settings: Settings } | { state: "failed"; error: IpcError };

interface Props {
  /** The agent to bring into view; a new object each time it is asked for. */
  focus?: { agent: string } | null;
}

/** Which endpoint the agents call and how each of them runs. */
export function SettingsView({ focus = null }: Props) {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoad({ state: "loading" });
    backend.getSettings().then(
      (settings) => !cancelled && setLoad({ state: "ready", settings }),
      (e) => !cancelled && setLoad({ state: "failed", error: e as IpcError }),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const ready = load.state === "ready";
  useEffect(() => {
    if (!ready || !focus) return;
    // The Enabled box, since a refused run is what brings a person here.
    const target = document.getElementById(`agent-${focus.agent}-enabled`);
    target?.focus();
    target?.closest("form")?.scrollIntoView?.({ block: "center" });
  }, [ready, focus]);

  return (
    <section className="panel" aria-labelledby="settings-title">
      <div className="panel-head">
        <h2 id="settings-title">Agents &amp; provider</h2>
      </div>
      <p className="muted panel-intro">
        Which language model the agents use, and how each of them runs. Stored on this computer.
      </p>

      {load.state === "loading" && (
        <p className="muted" aria-busy="true">
          Loading settings…
        </p>
      )}
      {load.state === "failed" && (
        <div className="banner banner-error" role="alert" data-testid="settings-load-error">
          Could not load the settings: {load.error.message}
          <button className="btn-link" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      {load.state === "ready" && <SettingsForms settings={load.settings} focusAgent={focus?.agent ?? null} />}
    </section>
  );
}

function SettingsForms({ settings, focusAgent }: { settings: Settings; focusAgent: string | null }) {
  // The backend lists every agent; one the UI has no label for still shows, by name.
  const cards = settings.agents.map((config) => ({
    ...(AGENTS.find((a) => a.agent === config.agent) ?? { agent: config.agent, label: config.agent, description: "" }),
    config,
  }));

  return (
    <div className="settings" data-testid="settings">
      <ProviderForm initial={settings.provider} />
      <p className="key-note" data-testid="api-key-note">
        The API key is read from the OS keychain (the entry named after the provider) or from the{" "}
        <code>OPENAI_API_KEY</code> environment variable. A local server such as Ollama needs no key. With neither a key
        nor a base URL, the agents run on their built-in rules: offline and free.
      </p>

      <h3 className="settings-subtitle">Agents</h3>
      <div className="agent-grid">
        {cards.map(({ agent, label, description, config }) => (
          <AgentConfigForm
            key={agent}
            config={config}
            label={label}
            description={description}
            highlighted={agent === focusAgent}
          />
        ))}
      </div>
    </div>
  );
}
