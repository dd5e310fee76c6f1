import { useEffect } from "react";
import { backend } from "../backend";
import { agentDescription, agentLabel } from "../shared/agents";
import { useLoad } from "../shared/useBackend";
import type { Settings } from "../types";
import { AgentConfigForm } from "./AgentConfigForm";
import { AlertThresholdsForm } from "./AlertThresholdsForm";
import { ApiKeyForm } from "./ApiKeyForm";
import { BudgetsForm } from "./BudgetsForm";
import { DisplayForm } from "./DisplayForm";
import { FailsafeForm } from "./FailsafeForm";
import { MailAccounts } from "./MailAccounts";
import { MailSettingsForm } from "./MailSettingsForm";
import { MonitoringForm } from "./MonitoringForm";
import { NotificationsForm } from "./NotificationsForm";
import { PriceTable } from "./PriceTable";
import { ProviderForm } from "./ProviderForm";
import { TelemetryForm } from "./TelemetryForm";

interface Props {
  /** The agent to bring into view; a new object each time it is asked for. */
  focus?: { agent: string } | null;
  /** Whether the view is shown: each time it comes back, what is stored is read again. */
  active?: boolean;
}

/** Which endpoint the agents call and how each of them runs. */
export function SettingsView({ focus = null, active = true }: Props) {
  // Other views save settings too (the Budget view's budgets): coming back shows what
  // is stored now, and a reload that fails leaves the forms as they are. Forms with
  // unsaved edits keep them (useSettingsForm).
  const load = useLoad(() => backend.getSettings(), [], { enabled: active, clearErrorOnLoad: true });
  const settings = load.data;

  const ready = settings !== undefined;
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

      {!settings && !load.error && (
        <p className="muted" aria-busy="true">
          Loading settings…
        </p>
      )}
      {!settings && load.error && (
        <div className="banner banner-error" role="alert" data-testid="settings-load-error">
          Could not load the settings: {load.error.message}
          <button className="btn-link" onClick={() => void load.reload()}>
            Try again
          </button>
        </div>
      )}
      {settings && (
        <SettingsForms settings={settings} focusAgent={focus?.agent ?? null} onProviderSaved={() => void load.reload()} />
      )}
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

interface FormsProps {
  settings: Settings;
  focusAgent: string | null;
  /** Saving the provider can change the keychain entry the key is filed under: the settings are read again. */
  onProviderSaved: () => void;
}

function SettingsForms({ settings, focusAgent, onProviderSaved }: FormsProps) {
  // The backend lists every agent, in its order; one the UI has no label for still shows, by name.
  const cards = settings.agents.map((config) => ({
    agent: config.agent,
    label: agentLabel(config.agent),
    description: agentDescription(config.agent),
    config,
  }));
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
        <ProviderForm initial={settings.provider} onSaved={onProviderSaved} />
        <ApiKeyForm provider={settings.keyProvider} envApiKey={settings.envApiKey} />
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
