import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { agentConfig, settings, telemetryStatus } from "../test/fixtures";

vi.mock("../backend", () => ({
  backend: {
    getSettings: vi.fn(),
    setProviderSettings: vi.fn(),
    setAgentConfig: vi.fn(),
    getKeyStatus: vi.fn(),
    setApiKey: vi.fn(),
    removeApiKey: vi.fn(),
    setBudgets: vi.fn(),
    setAlertThresholds: vi.fn(),
    setFailsafeConfig: vi.fn(),
    setMonitoringConfig: vi.fn(),
    setNotificationSettings: vi.fn(),
    listPrices: vi.fn(async () => []),
    setPrice: vi.fn(),
    removePrice: vi.fn(),
    listMailAccounts: vi.fn(),
    onMailSyncFinished: vi.fn(),
    setMailSettings: vi.fn(),
    getTelemetryStatus: vi.fn(),
  },
}));

const { backend } = await import("../backend");
const { SettingsView } = await import("./SettingsView");

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(backend.getSettings).mockResolvedValue(settings());
  vi.mocked(backend.setProviderSettings).mockImplementation(async (p) => p);
  vi.mocked(backend.getKeyStatus).mockImplementation(async (provider) => ({ provider, stored: false, last4: null }));
  vi.mocked(backend.listPrices).mockResolvedValue([]);
  vi.mocked(backend.listMailAccounts).mockResolvedValue([]);
  vi.mocked(backend.getTelemetryStatus).mockResolvedValue(telemetryStatus());
  vi.mocked(backend.onMailSyncFinished).mockResolvedValue(() => {});
  vi.mocked(backend.setAgentConfig).mockImplementation(async (agent, c) =>
    agentConfig(agent, {
      model: c.model ?? null,
      temperature: c.temperature ?? null,
      maxTokens: c.maxTokens ?? null,
      enabled: c.enabled ?? true,
      updatedAt: Date.now(),
    }),
  );
});

describe("settings", () => {
  it("loads the provider and one card per agent with its stored values", async () => {
    vi.mocked(backend.getSettings).mockResolvedValue(
      settings({
        provider: { provider: "ollama", baseUrl: "http://localhost:11434/v1" },
        agents: [
          agentConfig("email-analyst"),
          agentConfig("job-match", { model: "llama3.1:8b", temperature: 0.2, maxTokens: 800, enabled: false, updatedAt: Date.UTC(2026, 10, 1) }),
          agentConfig("follow-up"),
        ],
      }),
    );
    render(<SettingsView />);
    expect(screen.getByText("Loading settings…")).toBeInTheDocument();

    expect(await screen.findByLabelText("Provider name")).toHaveValue("ollama");
    expect(screen.getByLabelText("Base URL")).toHaveValue("http://localhost:11434/v1");
    expect(screen.getByLabelText("Base URL")).toHaveAccessibleDescription(
      "OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 for Ollama; empty = OPENAI_BASE_URL or OpenAI",
    );
    expect(screen.getByLabelText("Provider name")).toHaveAttribute("placeholder", expect.stringContaining("base URL"));
    const key = screen.getByTestId("api-key-form");
    expect(key).toHaveTextContent("system keychain");
    expect(key).toHaveTextContent("built-in rules, offline and free");
    expect(await within(key).findByText("No key stored")).toBeInTheDocument();

    const analyst = screen.getByTestId("agent-config-email-analyst");
    expect(analyst).toHaveTextContent("Email analyst");
    expect(within(analyst).getByLabelText("Model")).toHaveValue("");
    expect(within(analyst).getByLabelText("Model")).toHaveAttribute("placeholder", "default (gpt-4o-mini)");
    expect(within(analyst).getByLabelText("Enabled")).toBeChecked();
    expect(within(analyst).queryByText("Turned off")).not.toBeInTheDocument();

    const match = screen.getByTestId("agent-config-job-match");
    expect(match).toHaveTextContent("Job match");
    expect(within(match).getByLabelText("Model")).toHaveValue("llama3.1:8b");
    expect(within(match).getByLabelText("Temperature")).toHaveValue(0.2);
    expect(within(match).getByLabelText("Max tokens")).toHaveValue(800);
    expect(within(match).getByLabelText("Enabled")).not.toBeChecked();
    expect(within(match).getByText("Turned off")).toBeInTheDocument();

    expect(screen.getByTestId("agent-config-follow-up")).toHaveTextContent("Follow-up");
  });

  it("shows budgets saved elsewhere when it is shown again", async () => {
    const view = render(<SettingsView active />);
    expect(await screen.findByTestId("daily-budget")).toHaveValue("");
    view.rerender(<SettingsView active={false} />);
    // The Budget view saves a daily budget meanwhile.
    const base = settings();
    vi.mocked(backend.getSettings).mockResolvedValue(settings({ budgets: { ...base.budgets, dailyBudget: 4 } }));
    view.rerender(<SettingsView active />);
    await waitFor(() => expect(screen.getByTestId("daily-budget")).toHaveValue("4"));
    expect(backend.getSettings).toHaveBeenCalledTimes(2);
  });

  it("shows settings that could not be loaded and tries again", async () => {
    vi.mocked(backend.getSettings).mockRejectedValueOnce({ code: "store_unavailable", message: "database is locked" });
    const user = userEvent.setup();
    render(<SettingsView />);
    const error = await screen.findByTestId("settings-load-error");
    expect(error).toHaveTextContent("database is locked");
    expect(screen.queryByTestId("provider-form")).not.toBeInTheDocument();

    await user.click(within(error).getByText("Try again"));
    expect(await screen.findByTestId("provider-form")).toBeInTheDocument();
    expect(screen.queryByTestId("settings-load-error")).not.toBeInTheDocument();
  });

  it("saves the provider, showing the base URL error next to that field", async () => {
    vi.mocked(backend.setProviderSettings).mockRejectedValueOnce({
      code: "invalid_input",
      field: "baseUrl",
      message: "baseUrl must be an http:// or https:// address such as http://localhost:11434/v1",
    });
    const user = userEvent.setup();
    render(<SettingsView />);
    const baseUrl = await screen.findByLabelText("Base URL");
    await user.type(baseUrl, "localhost:11434");
    await user.click(screen.getByTestId("provider-save"));

    // Empty provider name goes as null, not "".
    expect(backend.setProviderSettings).toHaveBeenCalledWith({ provider: null, baseUrl: "localhost:11434" });
    const error = await screen.findByTestId("field-error-baseUrl");
    expect(error).toHaveTextContent("must be an http:// or https:// address");
    expect(baseUrl.closest(".field")).toContainElement(error);
    expect(baseUrl).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Provider name")).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByTestId("field-error-provider")).not.toBeInTheDocument();
    expect(screen.queryByTestId("provider-saved")).not.toBeInTheDocument();
    expect(baseUrl).toHaveValue("localhost:11434");

    // The backend normalises what it stores, and the form shows what was stored.
    vi.mocked(backend.setProviderSettings).mockResolvedValueOnce({ provider: "ollama", baseUrl: "http://localhost:11434/v1" });
    await user.clear(baseUrl);
    await user.type(baseUrl, " http://localhost:11434/v1/ ");
    await user.type(screen.getByLabelText("Provider name"), "Ollama");
    await user.click(screen.getByTestId("provider-save"));
    expect(backend.setProviderSettings).toHaveBeenLastCalledWith({ provider: "Ollama", baseUrl: "http://localhost:11434/v1/" });
    expect(await screen.findByTestId("provider-saved")).toHaveTextContent("Saved");
    expect(screen.queryByTestId("field-error-baseUrl")).not.toBeInTheDocument();
    expect(baseUrl).toHaveValue("http://localhost:11434/v1");
    expect(screen.getByLabelText("Provider name")).toHaveValue("ollama");
  });

  it("shows a provider name error next to the provider name", async () => {
    vi.mocked(backend.setProviderSettings).mockRejectedValueOnce({
      code: "invalid_input",
      field: "provider",
      message: "provider use up to 40 letters, digits, '-', '_', '.' or ':'",
    });
    const user = userEvent.setup();
    render(<SettingsView />);
    const name = await screen.findByLabelText("Provider name");
    await user.type(name, "my provider");
    await user.click(screen.getByTestId("provider-save"));
    const error = await screen.findByTestId("field-error-provider");
    expect(error).toHaveTextContent("up to 40 letters");
    expect(name.closest(".field")).toContainElement(error);
  });

  it("saves an agent's settings with nulls for empty fields and numbers for numbers", async () => {
    vi.mocked(backend.getSettings).mockResolvedValue(
      settings({ agents: [agentConfig("email-analyst"), agentConfig("job-match", { model: "gpt-4o", temperature: 0.2, maxTokens: 800 }), agentConfig("follow-up")] }),
    );
    const user = userEvent.setup();
    render(<SettingsView />);

    const followUp = await screen.findByTestId("agent-config-follow-up");
    await user.type(within(followUp).getByLabelText("Temperature"), "0.7");
    await user.click(within(followUp).getByLabelText("Enabled"));
    expect(followUp).toHaveTextContent("Unsaved changes");
    await user.click(within(followUp).getByTestId("agent-save-follow-up"));
    expect(backend.setAgentConfig).toHaveBeenCalledWith("follow-up", { model: null, temperature: 0.7, maxTokens: null, enabled: false });
    expect(await within(followUp).findByTestId("agent-saved-follow-up")).toHaveTextContent("Saved");
    expect(within(followUp).getByText("Turned off")).toBeInTheDocument();

    const match = screen.getByTestId("agent-config-job-match");
    await user.clear(within(match).getByLabelText("Model"));
    await user.clear(within(match).getByLabelText("Temperature"));
    await user.clear(within(match).getByLabelText("Max tokens"));
    await user.type(within(match).getByLabelText("Max tokens"), "1200");
    await user.click(within(match).getByTestId("agent-save-job-match"));
    expect(backend.setAgentConfig).toHaveBeenLastCalledWith("job-match", { model: null, temperature: null, maxTokens: 1200, enabled: true });
    expect(await within(match).findByTestId("agent-saved-job-match")).toBeInTheDocument();
    // Each card confirms its own save only.
    expect(screen.queryByTestId("agent-saved-email-analyst")).not.toBeInTheDocument();
  });

  it("checks the temperature before sending it", async () => {
    const user = userEvent.setup();
    render(<SettingsView />);
    const analyst = await screen.findByTestId("agent-config-email-analyst");
    const temperature = within(analyst).getByLabelText("Temperature");
    await user.type(temperature, "5");
    await user.click(within(analyst).getByTestId("agent-save-email-analyst"));

    const error = within(analyst).getByTestId("field-error-email-analyst-temperature");
    expect(error).toHaveTextContent("Temperature goes from 0 to 2");
    expect(temperature.closest(".field")).toContainElement(error);
    expect(temperature).toHaveAttribute("aria-invalid", "true");
    expect(backend.setAgentConfig).not.toHaveBeenCalled();
    expect(within(analyst).queryByTestId("agent-saved-email-analyst")).not.toBeInTheDocument();

    await user.clear(temperature);
    await user.type(temperature, "1.5");
    await user.click(within(analyst).getByTestId("agent-save-email-analyst"));
    expect(backend.setAgentConfig).toHaveBeenCalledWith("email-analyst", { model: null, temperature: 1.5, maxTokens: null, enabled: true });
    expect(await within(analyst).findByTestId("agent-saved-email-analyst")).toBeInTheDocument();
    expect(within(analyst).queryByTestId("field-error-email-analyst-temperature")).not.toBeInTheDocument();
  });

  it("checks max tokens before sending them", async () => {
    const user = userEvent.setup();
    render(<SettingsView />);
    const analyst = await screen.findByTestId("agent-config-email-analyst");
    await user.type(within(analyst).getByLabelText("Max tokens"), "0");
    await user.click(within(analyst).getByTestId("agent-save-email-analyst"));
    expect(within(analyst).getByTestId("field-error-email-analyst-maxTokens")).toHaveTextContent("whole number from 1 to");
    expect(backend.setAgentConfig).not.toHaveBeenCalled();
  });

  it("shows the backend's error for an agent field next to that field", async () => {
    vi.mocked(backend.setAgentConfig).mockRejectedValueOnce({
      code: "invalid_input",
      field: "model",
      message: "model must be a model name of up to 100 characters without spaces",
    });
    const user = userEvent.setup();
    render(<SettingsView />);
    const match = await screen.findByTestId("agent-config-job-match");
    const model = within(match).getByLabelText("Model");
    await user.type(model, "gpt 4");
    await user.click(within(match).getByTestId("agent-save-job-match"));

    const error = await within(match).findByTestId("field-error-job-match-model");
    expect(error).toHaveTextContent("without spaces");
    expect(model.closest(".field")).toContainElement(error);
    expect(model).toHaveAccessibleDescription(expect.stringContaining("without spaces"));
    expect(within(match).queryByTestId("agent-saved-job-match")).not.toBeInTheDocument();
  });

  it("shows a save failure that is not about a field", async () => {
    vi.mocked(backend.setAgentConfig).mockRejectedValueOnce({ code: "store_unavailable", message: "disk is read-only" });
    const user = userEvent.setup();
    render(<SettingsView />);
    const analyst = await screen.findByTestId("agent-config-email-analyst");
    await user.click(within(analyst).getByTestId("agent-save-email-analyst"));
    expect(await within(analyst).findByTestId("agent-error-email-analyst")).toHaveTextContent("disk is read-only");
  });

  it("brings the asked-for agent into focus", async () => {
    render(<SettingsView focus={{ agent: "follow-up" }} />);
    const followUp = await screen.findByTestId("agent-config-follow-up");
    await waitFor(() => expect(within(followUp).getByLabelText("Enabled")).toHaveFocus());
    expect(followUp).toHaveClass("highlighted");
    expect(screen.getByTestId("agent-config-job-match")).not.toHaveClass("highlighted");
  });
});
