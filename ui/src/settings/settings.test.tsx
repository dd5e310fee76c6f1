import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { settings } from "../test/fixtures";
import type { Budgets, NoticeShown, TrayState } from "../types";

vi.mock("../backend", () => ({
  backend: {
    getKeyStatus: vi.fn(),
    setApiKey: vi.fn(),
    removeApiKey: vi.fn(),
    setBudgets: vi.fn(),
    setAlertThresholds: vi.fn(),
    setFailsafeConfig: vi.fn(),
    setMonitoringConfig: vi.fn(),
    setNotificationSettings: vi.fn(),
    getTrayState: vi.fn(),
    setAgentsPaused: vi.fn(),
    onTrayChanged: vi.fn(),
    onNoticeShown: vi.fn(),
    listPrices: vi.fn(),
    setPrice: vi.fn(),
    removePrice: vi.fn(),
  },
}));

const { backend } = await import("../backend");
const { ApiKeyForm } = await import("./ApiKeyForm");
const { BudgetsForm } = await import("./BudgetsForm");
const { AlertThresholdsForm } = await import("./AlertThresholdsForm");
const { FailsafeForm } = await import("./FailsafeForm");
const { MonitoringForm } = await import("./MonitoringForm");
const { NotificationsForm } = await import("./NotificationsForm");
const { AgentsControl } = await import("../app/AgentsControl");
const { NoticeToasts, TOAST_MS } = await import("../app/NoticeToasts");
const { PriceTable } = await import("./PriceTable");

const defaults = settings();
const AGENTS = [
  { agent: "email-analyst", label: "Email analyst" },
  { agent: "job-match", label: "Job match" },
];

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(backend.setBudgets).mockImplementation(async (b) => b);
  vi.mocked(backend.setAlertThresholds).mockImplementation(async (t) => t);
  vi.mocked(backend.setFailsafeConfig).mockImplementation(async (c) => c);
  vi.mocked(backend.setMonitoringConfig).mockImplementation(async (c) => c);
  vi.mocked(backend.setNotificationSettings).mockImplementation(async (n) => n);
});

describe("API key", () => {
  it("shows only whether a key is stored and its last 4 characters, and saves a new one to the keychain", async () => {
    vi.mocked(backend.getKeyStatus).mockResolvedValue({ provider: "openai", stored: false, last4: null });
    vi.mocked(backend.setApiKey).mockResolvedValue({ provider: "openai", stored: true, last4: "WXYZ" });
    render(<ApiKeyForm provider="openai" envApiKey />);
    expect(await screen.findByText("No key stored")).toBeInTheDocument();
    expect(screen.getByTestId("api-key-status")).toHaveTextContent("OPENAI_API_KEY is used");

    const input = screen.getByLabelText("Key");
    expect(input).toHaveAttribute("type", "password");
    await userEvent.type(input, "  sk-test-secret-WXYZ ");
    await userEvent.click(screen.getByTestId("api-key-save"));

    expect(backend.setApiKey).toHaveBeenCalledWith("openai", "sk-test-secret-WXYZ");
    expect(await screen.findByTestId("api-key-done")).toHaveTextContent("Key saved");
    expect(screen.getByTestId("api-key-last4")).toHaveTextContent("WXYZ");
    // The key is gone from the form and never displayed.
    expect(screen.getByLabelText("Replace the key")).toHaveValue("");
    expect(document.body).not.toHaveTextContent("sk-test-secret");
    expect(screen.getByTestId("api-key-save")).toHaveTextContent("Replace key");
  });

  it("checks the key before sending it", async () => {
    vi.mocked(backend.getKeyStatus).mockResolvedValue({ provider: "openai", stored: false, last4: null });
    render(<ApiKeyForm provider="openai" envApiKey={false} />);
    await screen.findByText("No key stored");
    await userEvent.click(screen.getByTestId("api-key-save"));
    expect(screen.getByTestId("field-error-key")).toHaveTextContent("Paste the API key first");
    await userEvent.type(screen.getByLabelText("Key"), "sk one two");
    await userEvent.click(screen.getByTestId("api-key-save"));
    expect(screen.getByTestId("field-error-key")).toHaveTextContent("no spaces");
    expect(screen.getByLabelText("Key")).toHaveAttribute("aria-invalid", "true");
    expect(backend.setApiKey).not.toHaveBeenCalled();
  });

  it("removes a stored key after asking", async () => {
    vi.mocked(backend.getKeyStatus).mockResolvedValue({ provider: "ollama", stored: true, last4: "abcd" });
    vi.mocked(backend.removeApiKey).mockResolvedValue({ provider: "ollama", stored: false, last4: null });
    render(<ApiKeyForm provider="ollama" envApiKey={false} />);
    expect(await screen.findByTestId("api-key-last4")).toHaveTextContent("abcd");
    await userEvent.click(screen.getByTestId("api-key-remove"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog).toHaveTextContent("The key for ollama is deleted from the keychain");
    await userEvent.click(within(dialog).getByTestId("confirm-button"));
    expect(backend.removeApiKey).toHaveBeenCalledWith("ollama");
    expect(await screen.findByTestId("api-key-done")).toHaveTextContent("Key removed");
    // Confirming did not also submit the key form around the question.
    expect(screen.queryByTestId("field-error-key")).not.toBeInTheDocument();
    expect(screen.getByText("No key stored")).toBeInTheDocument();
    expect(screen.queryByTestId("api-key-remove")).not.toBeInTheDocument();
  });

  it("cancels removing without submitting the key form", async () => {
    vi.mocked(backend.getKeyStatus).mockResolvedValue({ provider: "ollama", stored: true, last4: "abcd" });
    render(<ApiKeyForm provider="ollama" envApiKey={false} />);
    await userEvent.click(await screen.findByTestId("api-key-remove"));
    expect(screen.getByTestId("api-key-form")).not.toContainElement(screen.getByTestId("confirm-dialog"));
    await userEvent.click(within(screen.getByTestId("confirm-dialog")).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument();
    expect(screen.queryByTestId("field-error-key")).not.toBeInTheDocument();
    expect(backend.removeApiKey).not.toHaveBeenCalled();
    expect(screen.getByTestId("api-key-last4")).toHaveTextContent("abcd");
  });

  it("explains a missing or locked keychain and can check again", async () => {
    vi.mocked(backend.getKeyStatus)
      .mockRejectedValueOnce({ code: "keychain_unavailable", message: "The keychain is locked." })
      .mockResolvedValueOnce({ provider: "openai", stored: true, last4: "1234" });
    render(<ApiKeyForm provider="openai" envApiKey={false} />);
    const banner = await screen.findByTestId("api-key-unavailable");
    expect(banner).toHaveTextContent("The system keychain cannot be used: The keychain is locked.");
    expect(banner).toHaveTextContent("built-in rules");
    await userEvent.click(within(banner).getByRole("button", { name: "Check again" }));
    expect(await screen.findByTestId("api-key-last4")).toHaveTextContent("1234");
  });

  it("says OPENAI_API_KEY wins over a stored key", async () => {
    vi.mocked(backend.getKeyStatus).mockResolvedValue({ provider: "openai", stored: true, last4: "1234" });
    render(<ApiKeyForm provider="openai" envApiKey />);
    expect(await screen.findByTestId("api-key-last4")).toHaveTextContent("1234");
    expect(screen.getByTestId("api-key-status")).toHaveTextContent("OPENAI_API_KEY is set, so runs use it instead");
  });

  it("stays usable while the keychain waits, then says it did not answer", async () => {
    let fail: (e: unknown) => void = () => {};
    vi.mocked(backend.getKeyStatus).mockReturnValue(new Promise((_, reject) => (fail = reject)));
    render(<ApiKeyForm provider="openai" envApiKey={false} />);
    expect(screen.getByTestId("api-key-status")).toHaveTextContent("Checking the keychain…");
    await userEvent.type(screen.getByLabelText("Key"), "sk-abc");
    expect(screen.getByLabelText("Key")).toHaveValue("sk-abc");
    await act(async () =>
      fail({
        code: "keychain_unavailable",
        message:
          "the system keychain is not available (the keychain did not answer within 30 s: is it locked?); unlock it or start a Secret Service such as gnome-keyring",
      }),
    );
    const banner = await screen.findByTestId("api-key-unavailable");
    expect(banner).toHaveTextContent("did not answer within 30 s: is it locked?");
    expect(banner).toHaveTextContent("built-in rules");
  });

  it("shows a keychain failure while saving without losing the form", async () => {
    vi.mocked(backend.getKeyStatus).mockResolvedValue({ provider: "openai", stored: false, last4: null });
    vi.mocked(backend.setApiKey).mockRejectedValue({ code: "keychain_unavailable", message: "No Secret Service." });
    render(<ApiKeyForm provider="openai" envApiKey={false} />);
    await screen.findByText("No key stored");
    await userEvent.type(screen.getByLabelText("Key"), "sk-abc");
    await userEvent.click(screen.getByTestId("api-key-save"));
    expect(await screen.findByTestId("api-key-error")).toHaveTextContent("The system keychain cannot be used: No Secret Service.");
    expect(screen.getByLabelText("Key")).toHaveValue("sk-abc");
  });
});

describe("budgets", () => {
  it("sends empty fields as no budget and per-agent budgets by agent", async () => {
    render(<BudgetsForm initial={{ dailyBudget: 1, monthlyBudget: null, agentDailyBudgets: { "job-match": 0.5 }, hardLimit: false }} agents={AGENTS} env={[]} />);
    expect(screen.getByLabelText("Daily budget")).toHaveValue("1");
    expect(screen.getByLabelText("Job match")).toHaveValue("0.5");
    await userEvent.clear(screen.getByLabelText("Daily budget"));
    await userEvent.type(screen.getByLabelText("Monthly budget"), "25");
    await userEvent.type(screen.getByLabelText("Email analyst"), "0.20");
    await userEvent.click(screen.getByLabelText("Stop paid calls when a budget is spent"));
    await userEvent.click(screen.getByTestId("budgets-save"));
    expect(backend.setBudgets).toHaveBeenCalledWith({
      dailyBudget: null,
      monthlyBudget: 25,
      agentDailyBudgets: { "email-analyst": 0.2, "job-match": 0.5 },
      hardLimit: true,
    });
    expect(await screen.findByTestId("budgets-saved")).toBeInTheDocument();
  });

  it("says next to each field what is wrong and sends nothing", async () => {
    render(<BudgetsForm initial={defaults.budgets} agents={AGENTS} env={[]} />);
    await userEvent.type(screen.getByLabelText("Daily budget"), "0");
    await userEvent.type(screen.getByLabelText("Monthly budget"), "lots");
    await userEvent.type(screen.getByLabelText("Job match"), "-1");
    await userEvent.click(screen.getByTestId("budgets-save"));
    expect(screen.getByTestId("field-error-dailyBudget")).toHaveTextContent("more than 0");
    expect(screen.getByTestId("field-error-monthlyBudget")).toHaveTextContent("or leave it empty");
    expect(screen.getByTestId("field-error-agent-job-match")).toBeInTheDocument();
    expect(backend.setBudgets).not.toHaveBeenCalled();
  });

  it("follows budgets saved by the other budgets form, unless this one is being edited", async () => {
    // The Budget view and Settings each have a form; both reload what is stored after a save.
    let stored: Budgets = { dailyBudget: 1, monthlyBudget: null, agentDailyBudgets: {}, hardLimit: false };
    const forms = () => (
      <>
        <section data-testid="budget-view">
          <BudgetsForm initial={stored} agents={AGENTS} env={[]} onSaved={(b) => ((stored = b), view.rerender(forms()))} />
        </section>
        <section data-testid="settings-view">
          <BudgetsForm initial={stored} agents={AGENTS} env={[]} onSaved={(b) => ((stored = b), view.rerender(forms()))} />
        </section>
      </>
    );
    const view = render(forms());
    // Both are mounted at once (each view stays mounted), so fields are found per form.
    const inView = (id: string) => within(screen.getByTestId(id));
    // Each label points at its own form's input, not at the first one in the page.
    for (const v of ["budget-view", "settings-view"]) {
      expect(inView(v).getByLabelText("Daily budget")).toBe(inView(v).getByTestId("daily-budget"));
      expect(inView(v).getByLabelText("Job match")).toBe(inView(v).getByTestId("agent-budget-job-match"));
      expect(inView(v).getByLabelText(/Stop paid calls/)).toBe(inView(v).getByTestId("budget-hard-limit"));
    }

    await userEvent.clear(inView("budget-view").getByTestId("daily-budget"));
    await userEvent.type(inView("budget-view").getByTestId("daily-budget"), "3");
    await userEvent.click(inView("budget-view").getByTestId("budgets-save"));
    await waitFor(() => expect(inView("settings-view").getByTestId("daily-budget")).toHaveValue("3"));
    expect(inView("budget-view").getByTestId("budgets-saved")).toBeInTheDocument();

    // Saving the other form now keeps the new daily budget instead of writing back the old one.
    await userEvent.type(inView("settings-view").getByTestId("monthly-budget"), "40");
    await userEvent.click(inView("settings-view").getByTestId("budgets-save"));
    expect(backend.setBudgets).toHaveBeenLastCalledWith(expect.objectContaining({ dailyBudget: 3, monthlyBudget: 40 }));
    await waitFor(() => expect(inView("budget-view").getByTestId("monthly-budget")).toHaveValue("40"));

    // What is being typed is not thrown away when the stored values change.
    await userEvent.type(inView("budget-view").getByTestId("agent-budget-job-match"), "0.5");
    stored = { ...stored, dailyBudget: 5 };
    view.rerender(forms());
    expect(inView("settings-view").getByTestId("daily-budget")).toHaveValue("5");
    expect(inView("budget-view").getByTestId("agent-budget-job-match")).toHaveValue("0.5");
    expect(inView("budget-view").getByTestId("daily-budget")).toHaveValue("3");
    expect(inView("budget-view").getByText("Unsaved changes")).toBeInTheDocument();
  });

  it("locks the daily budget DAILY_BUDGET sets", () => {
    render(
      <BudgetsForm
        initial={{ ...defaults.budgets, dailyBudget: 2 }}
        agents={AGENTS}
        env={[{ setting: "dailyBudget", variable: "DAILY_BUDGET", value: "2" }]}
      />,
    );
    expect(screen.getByLabelText("Daily budget")).toBeDisabled();
    expect(screen.getByTestId("env-dailyBudget")).toHaveTextContent("DAILY_BUDGET=2");
    expect(screen.getByLabelText("Daily budget")).toHaveAccessibleDescription(expect.stringContaining("Set by DAILY_BUDGET"));
    expect(screen.getByLabelText("Monthly budget")).toBeEnabled();
  });
});

describe("alert thresholds", () => {
  it("sends numbers, nulls for limits left empty, and shows the backend's field error in place", async () => {
    vi.mocked(backend.setAlertThresholds).mockRejectedValueOnce({ code: "invalid_input", message: "minExecutions must be between 1 and 1000000", field: "minExecutions" });
    render(<AlertThresholdsForm initial={defaults.alertThresholds} />);
    await userEvent.clear(screen.getByLabelText("Error rate over"));
    await userEvent.type(screen.getByLabelText("Average cost over"), "0.05");
    await userEvent.click(screen.getByTestId("thresholds-save"));
    expect(backend.setAlertThresholds).toHaveBeenCalledWith({
      maxErrorRate: null,
      maxAvgExecutionTime: 30,
      maxP95ExecutionTime: null,
      maxAvgCost: 0.05,
      periodHours: 1,
      minExecutions: 5,
    });
    expect(await screen.findByTestId("field-error-minExecutions")).toHaveTextContent("between 1 and 1000000");
  });

  it("refuses an error rate over 100 % and a period of 0 hours", async () => {
    render(<AlertThresholdsForm initial={defaults.alertThresholds} />);
    await userEvent.clear(screen.getByLabelText("Error rate over"));
    await userEvent.type(screen.getByLabelText("Error rate over"), "150");
    await userEvent.clear(screen.getByLabelText("Looking at the last"));
    await userEvent.type(screen.getByLabelText("Looking at the last"), "0");
    await userEvent.click(screen.getByTestId("thresholds-save"));
    expect(screen.getByTestId("field-error-maxErrorRate")).toHaveTextContent("from 0 to 100 %");
    expect(screen.getByTestId("field-error-periodHours")).toHaveTextContent("more than 0");
    expect(backend.setAlertThresholds).not.toHaveBeenCalled();
  });
});

describe("retries and monitoring", () => {
  it("saves retries, the multiplier and the breaker threshold as numbers", async () => {
    render(<FailsafeForm initial={defaults.failsafe} env={[]} />);
    await userEvent.clear(screen.getByLabelText("Retries"));
    await userEvent.type(screen.getByLabelText("Retries"), "5");
    await userEvent.clear(screen.getByLabelText("Backoff multiplier"));
    await userEvent.type(screen.getByLabelText("Backoff multiplier"), "1.5");
    expect(screen.getByText("Unsaved changes")).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("failsafe-save"));
    expect(backend.setFailsafeConfig).toHaveBeenCalledWith({ maxRetries: 5, retryBackoffMultiplier: 1.5, circuitBreakerThreshold: 5 });
    expect(await screen.findByTestId("failsafe-saved")).toBeInTheDocument();
  });

  it("refuses 11 retries and a multiplier under 1", async () => {
    render(<FailsafeForm initial={defaults.failsafe} env={[{ setting: "circuitBreakerThreshold", variable: "CIRCUIT_BREAKER_THRESHOLD", value: "7" }]} />);
    expect(screen.getByLabelText("Failures before pausing a model")).toBeDisabled();
    await userEvent.clear(screen.getByLabelText("Retries"));
    await userEvent.type(screen.getByLabelText("Retries"), "11");
    await userEvent.clear(screen.getByLabelText("Backoff multiplier"));
    await userEvent.type(screen.getByLabelText("Backoff multiplier"), "0.5");
    await userEvent.click(screen.getByTestId("failsafe-save"));
    expect(screen.getByTestId("field-error-maxRetries")).toHaveTextContent("Enter a whole number from 0 to 10 retries");
    expect(screen.getByTestId("field-error-retryBackoffMultiplier")).toHaveTextContent("from 1 to 10");
    expect(backend.setFailsafeConfig).not.toHaveBeenCalled();
  });

  it("saves monitoring switches and retention, and shows the logging set at start", async () => {
    render(
      <MonitoringForm
        initial={defaults.monitoring}
        logging={{ logLevel: "debug", structuredLogging: true }}
        env={[{ setting: "logLevel", variable: "LOG_LEVEL", value: "debug" }]}
      />,
    );
    expect(screen.getByTestId("logging-settings")).toHaveTextContent("debug");
    expect(screen.getByTestId("logging-settings")).toHaveTextContent("JSON lines");
    expect(screen.getByTestId("env-logLevel")).toHaveTextContent("LOG_LEVEL=debug");
    await userEvent.click(screen.getByLabelText("Cost tracking"));
    await userEvent.clear(screen.getByLabelText("Keep raw records for"));
    await userEvent.type(screen.getByLabelText("Keep raw records for"), "720");
    await userEvent.click(screen.getByTestId("monitoring-save"));
    expect(backend.setMonitoringConfig).toHaveBeenCalledWith({ monitoringEnabled: true, costTrackingEnabled: false, metricsRetentionHours: 720 });
  });
});

describe("notifications", () => {
  it("turns a kind off", async () => {
    render(<NotificationsForm initial={defaults.notifications} />);
    await userEvent.click(screen.getByLabelText("Unpriced models"));
    await userEvent.click(screen.getByTestId("notifications-save"));
    expect(backend.setNotificationSettings).toHaveBeenCalledWith({ budget: true, performance: true, unpriced: false, escalations: true, jobMail: true });
    expect(await screen.findByTestId("notifications-saved")).toBeInTheDocument();
  });

  it("turns job-mail notices off", async () => {
    render(<NotificationsForm initial={defaults.notifications} />);
    await userEvent.click(screen.getByLabelText("New job mail moved an application"));
    await userEvent.click(screen.getByTestId("notifications-save"));
    expect(backend.setNotificationSettings).toHaveBeenCalledWith({ budget: true, performance: true, unpriced: true, escalations: true, jobMail: false });
  });
});

describe("header controls", () => {
  const tray = (over: Partial<TrayState> = {}): TrayState => ({
    title: "$0.085 / $0.10",
    detail: "Today: $0.085 of $0.10 (85 %)",
    level: "warning",
    paused: false,
    ...over,
  });

  it("shows today's spend and pauses and resumes all agents, following the tray", async () => {
    let push: (t: TrayState) => void = () => {};
    vi.mocked(backend.getTrayState).mockResolvedValue(tray());
    vi.mocked(backend.onTrayChanged).mockImplementation(async (cb) => {
      push = cb;
      return () => {};
    });
    vi.mocked(backend.setAgentsPaused).mockImplementation(async (paused) => tray({ paused }));
    render(<AgentsControl />);
    const gauge = await screen.findByTestId("spend-gauge");
    expect(gauge).toHaveTextContent("$0.085 / $0.10");
    expect(gauge).toHaveClass("gauge-warning");
    expect(gauge).toHaveAttribute("title", "Today: $0.085 of $0.10 (85 %)");

    await userEvent.click(screen.getByRole("button", { name: "Pause agents" }));
    expect(backend.setAgentsPaused).toHaveBeenCalledWith(true);
    expect(await screen.findByRole("button", { name: "Resume agents" })).toHaveAttribute("aria-pressed", "true");

    // The tray's menu resumed them.
    act(() => push(tray({ paused: false, title: "$0.12 / $0.10", level: "over" })));
    expect(screen.getByRole("button", { name: "Pause agents" })).toBeInTheDocument();
    expect(screen.getByTestId("spend-gauge")).toHaveClass("gauge-over");
  });

  it("shows notices the desktop could not, and not the ones it did", async () => {
    let push: (e: NoticeShown) => void = () => {};
    vi.mocked(backend.onNoticeShown).mockImplementation(async (cb) => {
      push = cb;
      return () => {};
    });
    render(<NoticeToasts />);
    await waitFor(() => expect(backend.onNoticeShown).toHaveBeenCalled());
    const notice = (key: string, title: string, urgent = false) => ({
      kind: "budget" as const,
      key,
      title,
      body: "$0.08 spent of $0.10 (80 %).",
      urgent,
    });
    act(() => push({ notice: notice("a", "Shown on the desktop"), delivered: true }));
    act(() => push({ notice: notice("b", "Today's budget is 80 % spent", true), delivered: false }));
    expect(screen.queryByText("Shown on the desktop")).not.toBeInTheDocument();
    const toast = screen.getByRole("alert");
    expect(toast).toHaveTextContent("Today's budget is 80 % spent");
    await userEvent.click(within(toast).getByRole("button", { name: /Dismiss/ }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});

describe("toast timers", () => {
  const notice = (key: string, title: string) => ({ kind: "budget" as const, key, title, body: "", urgent: false });

  it("gives a replaced or re-shown toast its own full time, and leaves no timer behind", () => {
    vi.useFakeTimers();
    try {
      let push: (e: NoticeShown) => void = () => {};
      vi.mocked(backend.onNoticeShown).mockImplementation(async (cb) => {
        push = cb;
        return () => {};
      });
      const { unmount } = render(<NoticeToasts />);

      act(() => push({ notice: notice("a", "First"), delivered: false }));
      act(() => vi.advanceTimersByTime(TOAST_MS - 1000));
      act(() => push({ notice: notice("a", "Second"), delivered: false }));
      // The first toast's time is up; the one that replaced it stays.
      act(() => vi.advanceTimersByTime(2000));
      expect(screen.getByText("Second")).toBeInTheDocument();
      act(() => vi.advanceTimersByTime(TOAST_MS));
      expect(screen.queryByText("Second")).not.toBeInTheDocument();

      act(() => push({ notice: notice("b", "Third"), delivered: false }));
      act(() => vi.advanceTimersByTime(TOAST_MS - 1000));
      fireEvent.click(screen.getByRole("button", { name: "Dismiss: Third" }));
      act(() => push({ notice: notice("b", "Fourth"), delivered: false }));
      act(() => vi.advanceTimersByTime(2000));
      expect(screen.getByText("Fourth")).toBeInTheDocument();

      unmount();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("price table", () => {
  const mini = { model: "gpt-4o-mini", input: 0.15, cachedInput: 0.075, output: 0.6, reasoning: null, source: "openai.com/pricing", asOf: "2026-11-01", updatedAt: 0 };

  it("lists prices, adds one with optional kinds left empty, and refuses bad figures next to the field", async () => {
    vi.mocked(backend.listPrices).mockResolvedValue([mini]);
    vi.mocked(backend.setPrice).mockImplementation(async (d) => ({ ...mini, ...d, model: d.model ?? "" }) as never);
    render(<PriceTable />);
    const row = await screen.findByTestId("price-row-gpt-4o-mini");
    expect(row).toHaveTextContent("$0.15");
    expect(row).toHaveTextContent("as output");

    await userEvent.type(screen.getByLabelText("Model"), "llama 3");
    await userEvent.type(screen.getByLabelText("Input"), "-1");
    await userEvent.click(screen.getByTestId("price-save"));
    expect(screen.getByTestId("field-error-price-model")).toHaveTextContent("no spaces");
    expect(screen.getByTestId("field-error-price-input")).toHaveTextContent("from 0 to 10,000");
    expect(screen.getByTestId("field-error-price-output")).toBeInTheDocument();
    expect(backend.setPrice).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText("Model"));
    await userEvent.type(screen.getByLabelText("Model"), "llama3.1:8b");
    await userEvent.clear(screen.getByLabelText("Input"));
    await userEvent.type(screen.getByLabelText("Input"), "0");
    await userEvent.type(screen.getByLabelText("Output"), "0");
    await userEvent.click(screen.getByTestId("price-save"));
    expect(backend.setPrice).toHaveBeenCalledWith({ model: "llama3.1:8b", input: 0, output: 0, cachedInput: null, reasoning: null });
    expect(await screen.findByTestId("price-done")).toHaveTextContent("llama3.1:8b saved");
  });

  it("edits and removes a price after asking", async () => {
    vi.mocked(backend.listPrices).mockResolvedValue([mini]);
    vi.mocked(backend.setPrice).mockImplementation(async (d) => ({ ...mini, ...d, model: d.model ?? "" }) as never);
    vi.mocked(backend.removePrice).mockResolvedValue(undefined);
    render(<PriceTable />);
    const row = await screen.findByTestId("price-row-gpt-4o-mini");
    await userEvent.click(within(row).getByRole("button", { name: "Edit gpt-4o-mini" }));
    expect(screen.getByLabelText("Model")).toHaveAttribute("readonly");
    expect(screen.getByLabelText("Input")).toHaveValue("0.15");
    await userEvent.clear(screen.getByLabelText("Input"));
    await userEvent.type(screen.getByLabelText("Input"), "0.2");
    await userEvent.click(screen.getByTestId("price-save"));
    expect(backend.setPrice).toHaveBeenCalledWith({ model: "gpt-4o-mini", input: 0.2, output: 0.6, cachedInput: 0.075, reasoning: null });

    await userEvent.click(within(screen.getByTestId("price-row-gpt-4o-mini")).getByRole("button", { name: "Remove gpt-4o-mini" }));
    await userEvent.click(within(screen.getByTestId("confirm-dialog")).getByTestId("confirm-button"));
    expect(backend.removePrice).toHaveBeenCalledWith("gpt-4o-mini");
    expect(await screen.findByTestId("price-done")).toHaveTextContent("its calls are now unpriced");
  });
});
