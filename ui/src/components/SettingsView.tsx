import { useEffect, useRef, useState } from "react";
import { backend } from "../backend";
import type { IpcError, Settings } from "../types";
import { AgentConfigForm } from "./AgentConfigForm";
import { ProviderForm } from "./ProviderForm";
import { AlertThresholdsForm } from "./settings/AlertThresholdsForm";
import { ApiKeyForm } from "./settings/ApiKeyForm";
import { BudgetsForm } from "./settings/BudgetsForm";
import { DisplayForm } from "./settings/DisplayForm";
import { FailsafeForm } from "./settings/FailsafeForm";
import { MailAccounts } from "./settings/MailAccounts";
import { MailSettingsForm } from "./settings/MailSettingsForm";
import { MonitoringForm } from "./settings/MonitoringForm";
import { NotificationsForm } from "./settings/NotificationsForm";
import { PriceTable } from "./settings/PriceTable";
import { TelemetryForm } from "./settings/TelemetryForm";

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
  /** Whether the view is shown: each time it comes back, what is stored is read again. */
  active?: boolean;
}

/** Which endpoint the agents call and how each of them runs. */
export function SettingsView({ focus = null, active = true }: Props) {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);

  // Other views save settings too (the Budget view's budgets): coming back shows what
  // is stored now. Forms with unsaved edits keep them (useSettingsForm).
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) {
      backend.getSettings().then(
        (settings) => setLoad((l) => (l.state === "ready" ? { state: "ready", settings } : l)),
        () => {},
      );
    }
    wasActive.current = active;
  }, [active]);

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
        <h2 id="settings-title">Settings</h2>
      </div>
      <p className="muted panel-intro">
        Which language model the agents use, which mailboxes they read, how each of them runs, what they may spend and when you
        hear about it. Stored on this computer.
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

/** The settings page's sections, in order, for the contents list. */
const SECTIONS = [
  { id: "settings-provider-section", label: "Provider & key" },
  { id: "settings-mail-section", label: "Mail accounts" },
  { id: "settings-agents-section", label: "Agents" },
  { id: "settings-budgets-section", label: "Budgets & alerts" },
  { id: "settings-reliability-section", label: "Retries" },
  { id: "settings-notifications-section", label: "Notifications" },
  { id: "settings-prices-section", label: "Prices" },
  { id: "settings-data-section", label: "Monitoring & data" },
  { id: "settings-display-section", label: "Display" },
  { id: "settings-telemetry-section", label: "Telemetry" },
] as const;

function SettingsForms({ settings, focusAgent }: { settings: Settings; focusAgent: string | null }) {
  // The backend lists every agent; one the UI has no label for still shows, by name.
  const cards = settings.agents.map((config) => ({
    ...(AGENTS.find((a) => a.agent === config.agent) ?? { agent: config.agent, label: config.agent, description: "" }),
    config,
  }));
  // Saving the provider can change the keychain entry the key is filed under.
  const [keyProvider, setKeyProvider] = useState(settings.keyProvider);
  const providerSaved = () => {
    backend.getSettings().then(
      (s) => setKeyProvider(s.keyProvider),
      () => {},
    );
  };
  const env = settings.envOverrides;

  return (
    <div className="settings" data-testid="settings">
      <nav className="settings-toc" aria-label="Settings sections">
        {SECTIONS.map((s) => (
          <a key={s.id} href={`#${s.id}`}>
            {s.label}
          </a>
        ))}
      </nav>
      {env.length > 0 && (
        <p className="banner banner-info" data-testid="env-overrides">
          {env.length === 1 ? "One setting is" : `${env.length} settings are`} decided by environment variables the app was
          started with ({env.map((o) => o.variable).join(", ")}); those fields are locked here.
        </p>
      )}

      <section id="settings-provider-section" className="settings-section" aria-label="Provider and API key">
        <ProviderForm initial={settings.provider} onSaved={providerSaved} />
        <ApiKeyForm provider={keyProvider} envApiKey={settings.envApiKey} />
      </section>

      <section id="settings-mail-section" className="settings-section" aria-label="Mail accounts">
        <MailAccounts />
        <MailSettingsForm initial={settings.mail} />
      </section>

      <section id="settings-agents-section" className="settings-section" aria-labelledby="settings-agents-title">
        <h3 id="settings-agents-title" className="settings-subtitle">
          Agents
        </h3>
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
      </section>

      <section id="settings-budgets-section" className="settings-section settings-pair" aria-label="Budgets and alerts">
        <BudgetsForm initial={settings.budgets} agents={cards} env={env} />
        <AlertThresholdsForm initial={settings.alertThresholds} />
      </section>

      <section id="settings-reliability-section" className="settings-section" aria-label="Retries">
        <FailsafeForm initial={settings.failsafe} env={env} />
      </section>

      <section id="settings-notifications-section" className="settings-section" aria-label="Notifications">
        <NotificationsForm initial={settings.notifications} />
      </section>

      <section id="settings-prices-section" className="settings-section" aria-label="Model prices">
        <PriceTable />
      </section>

      <section id="settings-data-section" className="settings-section" aria-label="Monitoring and data">
        <MonitoringForm initial={settings.monitoring} logging={settings.logging} env={env} />
      </section>

      <section id="settings-display-section" className="settings-section" aria-label="Display">
        <DisplayForm initial={settings.display} env={env} />
      </section>

      <section id="settings-telemetry-section" className="settings-section" aria-label="Telemetry">
        <TelemetryForm />
      </section>
    </div>
  );
}
