import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { aggregated, settings } from "../test/fixtures";
import type { BudgetStatus, CostSummary, Dashboard, ExecutionFinished } from "../types";

vi.mock("../backend", () => ({
  backend: {
    getDashboard: vi.fn(),
    getPerformanceSummary: vi.fn(),
    getTotalCosts: vi.fn(),
    getPerformanceAlerts: vi.fn(),
    getFailsafeStatus: vi.fn(),
    listErrors: vi.fn(),
    getBudgetStatus: vi.fn(),
    getSettings: vi.fn(),
    getRawMetrics: vi.fn(),
    getExplanation: vi.fn(),
    getExecutionLogs: vi.fn(),
    exportMetrics: vi.fn(),
    listAlertHistory: vi.fn(),
    exportCosts: vi.fn(),
    onExecutionFinished: vi.fn(),
    onCircuitChanged: vi.fn(),
    onAlertsChanged: vi.fn(),
  },
}));

// The charts draw nothing in jsdom: keep what each was given, to check what it would draw.
const drawn = vi.hoisted(() => ({ charts: {} as Record<string, { t: number[]; series: { label: string; values: (number | null)[]; legend?: (number | null)[] }[] }> }));
vi.mock("../shared/charts/TimeChart", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../shared/charts/TimeChart")>();
  return {
    ...actual,
    TimeChart: (props: Parameters<typeof actual.TimeChart>[0]) => {
      drawn.charts[props.testId] = props;
      return actual.TimeChart(props);
    },
  };
});

const { backend } = await import("../backend");
const { DashboardView, circuitsOf } = await import("./DashboardView");

const now = Date.UTC(2026, 10, 28, 12);
const current = aggregated({
  totalExecutions: 40,
  successfulExecutions: 36,
  failedExecutions: 4,
  successRate: 90,
  errorRate: 10,
  totalCost: 0.5,
  avgExecutionTime: 2,
  p95ExecutionTime: 4.2,
  totalTokens: 12_000,
  inputTokens: 8_000,
  cachedInputTokens: 2_000,
  outputTokens: 1_500,
  reasoningTokens: 500,
  periodStart: now - 24 * 3_600_000,
  periodEnd: now,
});

function dashboard(over: Partial<Dashboard> = {}): Dashboard {
  return {
    current,
    previous: aggregated({ totalExecutions: 20, successRate: 95, totalCost: 0.25, avgExecutionTime: 4 }),
    series: { bucketMs: 60_000, points: [{ t: now - 3_600_000, executions: 40, failures: 4, cost: 0.5, tokens: 12_000, avgExecutionTime: 2 }] },
    durations: [
      { upper: 1, count: 10 },
      { upper: 2, count: 30 },
      { upper: null, count: 3 },
    ],
    ...over,
  };
}

const costs = {
  byAgent: [{ name: "email-analyst", cost: 0.4, calls: 30, tokens: 9000, unpricedCalls: 0 }],
  byModel: [{ name: "gpt-4o-mini", cost: 0.5, calls: 40, tokens: 12000, unpricedCalls: 2 }],
} as unknown as CostSummary;

const budget = {
  daily: { scope: "daily", limit: 1, spent: 0.5, remaining: 0.5, budgetUsedPercent: 50, projected: 0.9, thresholdsCrossed: [50], exceeded: false },
  monthly: null,
  agents: [],
  hardLimit: false,
  todaySpent: 0.5,
  monthSpent: 3,
  forecast: { todaySpent: 0.5, todayProjected: 0.9, monthSpent: 3, monthProjected: 12, recentHourlyRate: 0.02, recentDailyRate: 0.4 },
  alerts: [],
} as unknown as BudgetStatus;

let finished: (e: ExecutionFinished) => void = () => {};

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(backend.getDashboard).mockResolvedValue(dashboard());
  vi.mocked(backend.getPerformanceSummary).mockResolvedValue({
    periodHours: 24,
    agents: [{ ...current, agentName: "email-analyst" }],
    overall: current,
  });
  vi.mocked(backend.getTotalCosts).mockResolvedValue(costs);
  vi.mocked(backend.getPerformanceAlerts).mockResolvedValue([]);
  vi.mocked(backend.getFailsafeStatus).mockResolvedValue({
    settings: {},
    live: { circuits: [{ circuit: "openai/gpt-4o-mini", state: "open" }] },
    stored: [],
  } as never);
  vi.mocked(backend.listErrors).mockResolvedValue([]);
  vi.mocked(backend.getBudgetStatus).mockResolvedValue(budget);
  vi.mocked(backend.getSettings).mockResolvedValue(settings());
  vi.mocked(backend.getRawMetrics).mockResolvedValue([]);
  vi.mocked(backend.onExecutionFinished).mockImplementation(async (cb) => {
    finished = cb;
    return () => {};
  });
  vi.mocked(backend.onCircuitChanged).mockResolvedValue(() => {});
  vi.mocked(backend.onAlertsChanged).mockResolvedValue(() => {});
});

describe("monitoring dashboard", () => {
  it("shows the period's figures with their change, agents, breakdowns and charts", async () => {
    render(<DashboardView active onOpenInbox={() => {}} onOpenSettings={() => {}} />);
    expect(await screen.findByTestId("card-cost-value")).toHaveTextContent("$0.5");
    expect(screen.getByTestId("card-cost-change")).toHaveTextContent("+100 %");
    expect(screen.getByTestId("card-cost-change")).toHaveClass("stat-bad");
    expect(screen.getByTestId("card-executions-value")).toHaveTextContent("40");
    expect(screen.getByTestId("card-success-value")).toHaveTextContent("90.0 %");
    expect(screen.getByTestId("card-success-change")).toHaveTextContent("−5.0 pts");
    expect(screen.getByTestId("card-time-value")).toHaveTextContent("2.0 s");
    expect(screen.getByTestId("card-time-change")).toHaveClass("stat-good");
    expect(backend.getDashboard).toHaveBeenCalledWith(null, 24);

    const card = screen.getByTestId("agent-card-email-analyst");
    expect(card).toHaveTextContent("Email analyst");
    expect(within(card).getByTestId("agent-circuit-email-analyst")).toHaveTextContent("Paused (circuit open)");
    expect(screen.getByTestId("cost-by-model")).toHaveTextContent("gpt-4o-mini");
    expect(screen.getByTestId("cost-by-model")).toHaveTextContent("2 unpriced");
    expect(screen.getByTestId("tokens-by-kind")).toHaveTextContent("Cached input");
    expect(screen.getByTestId("chart-durations")).toHaveTextContent("< 2.0 s");
    // The open-ended last bar holds the longest runs.
    expect(screen.getByTestId("chart-durations")).toHaveTextContent("≥ 2.0 s");
    expect(screen.getByTestId("chart-durations")).not.toHaveTextContent("µs");
    expect(screen.getByTestId("chart-spend")).toHaveTextContent("Spend over time");
    expect(screen.getByRole("img", { name: /Spend over time: \$0\.5 spent of \$1\.00 budgeted/ })).toBeInTheDocument();
    expect(screen.getByTestId("no-errors")).toBeInTheDocument();
  });

  it("tells a new user what to do when nothing has run", async () => {
    vi.mocked(backend.getDashboard).mockResolvedValue(
      dashboard({ current: aggregated(), previous: aggregated(), series: { bucketMs: 60_000, points: [] }, durations: [] }),
    );
    vi.mocked(backend.getPerformanceSummary).mockResolvedValue({ periodHours: 24, agents: [], overall: aggregated() });
    const open = vi.fn();
    render(<DashboardView active onOpenInbox={open} onOpenSettings={() => {}} />);
    const empty = await screen.findByTestId("dashboard-empty");
    expect(empty).toHaveTextContent("No agent runs in the last 24 hours");
    await userEvent.click(within(empty).getByRole("button", { name: "Go to the inbox" }));
    expect(open).toHaveBeenCalled();
  });

  it("changes the period, checks a custom one, and reloads after a run finishes", async () => {
    render(<DashboardView active onOpenInbox={() => {}} onOpenSettings={() => {}} />);
    await screen.findByTestId("summary-cards");
    await userEvent.click(screen.getByTestId("period-1w"));
    await waitFor(() => expect(backend.getDashboard).toHaveBeenLastCalledWith(null, 168));
    expect(screen.getByTestId("period-1w")).toHaveAttribute("aria-pressed", "true");

    await userEvent.click(screen.getByTestId("period-custom"));
    await userEvent.type(screen.getByTestId("period-hours"), "0{Enter}");
    expect(screen.getByTestId("period-error")).toHaveTextContent("more than 0");
    await userEvent.clear(screen.getByTestId("period-hours"));
    await userEvent.type(screen.getByTestId("period-hours"), "72{Enter}");
    await waitFor(() => expect(backend.getDashboard).toHaveBeenLastCalledWith(null, 72));
    expect(screen.getByTestId("period-custom")).toHaveTextContent("3 days");

    const calls = vi.mocked(backend.getDashboard).mock.calls.length;
    act(() => finished({} as ExecutionFinished));
    await waitFor(() => expect(vi.mocked(backend.getDashboard).mock.calls.length).toBe(calls + 1));
  });

  it("opens an agent's detail with its runs, and exports through the save dialog", async () => {
    vi.mocked(backend.getRawMetrics).mockResolvedValue([
      {
        executionId: 7, requestId: "req-abc", agentName: "email-analyst", engine: "llm", provider: "openai", model: "gpt-4o-mini",
        startTime: now, endTime: now + 2000, executionTime: 2, success: false, tokensUsed: 300, inputTokens: 200, cachedInputTokens: 0,
        outputTokens: 100, reasoningTokens: 0, cost: 0.001, unpricedCalls: 0, toolCalls: 1, errorKind: "rate_limit", errorMessage: "429",
      },
    ]);
    vi.mocked(backend.exportCosts).mockResolvedValue({ path: "/tmp/costs.csv", bytes: 120 });
    render(<DashboardView active onOpenInbox={() => {}} onOpenSettings={() => {}} />);
    await userEvent.click(await screen.findByTestId("export-costs-csv"));
    expect(backend.exportCosts).toHaveBeenCalledWith("csv", 24);
    expect(await screen.findByTestId("export-message")).toHaveTextContent("Saved to /tmp/costs.csv");

    await userEvent.click(screen.getByTestId("agent-card-email-analyst"));
    const runs = await screen.findByTestId("agent-runs");
    expect(backend.getDashboard).toHaveBeenLastCalledWith("email-analyst", 24);
    expect(runs).toHaveTextContent("req-abc");
    expect(runs).toHaveTextContent("rate_limit");
    // The run's log lines, found by its request id.
    vi.mocked(backend.getExecutionLogs).mockResolvedValue([
      { timestamp: "2026-11-28T12:00:00.250Z", level: "WARN", target: "jobtrail_core::failsafe", message: "retrying", fields: [{ name: "attempt", value: "2" }] },
    ]);
    await userEvent.click(within(runs).getByRole("button", { name: "req-abc" }));
    const logs = await screen.findByTestId("log-lines");
    expect(backend.getExecutionLogs).toHaveBeenCalledWith("req-abc");
    expect(logs).toHaveTextContent("retrying");
    expect(logs).toHaveTextContent("attempt=2");
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByTestId("logs")).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId("agent-detail-back"));
    expect(await screen.findByTestId("summary-cards")).toBeInTheDocument();
  });

  it("shows active alerts, their history, and the way to the limits", async () => {
    const alert = {
      id: 3, agentName: "job-match", kind: "error_rate", severity: "critical" as const, message: "Error rate 40 % is over 10 %.",
      value: 40, threshold: 10, startedAt: now - 30 * 60_000, updatedAt: now, endedAt: null,
    };
    vi.mocked(backend.getPerformanceAlerts).mockResolvedValue([alert]);
    vi.mocked(backend.listAlertHistory).mockResolvedValue([
      alert,
      { ...alert, id: 2, severity: "warning", message: "Average time 40 s is over 30 s.", startedAt: now - 5 * 3_600_000, endedAt: now - 4 * 3_600_000 },
    ]);
    const settingsOpened = vi.fn();
    render(<DashboardView active onOpenInbox={() => {}} onOpenSettings={settingsOpened} />);
    const active = await screen.findByTestId("active-alerts");
    expect(within(active).getByRole("alert")).toHaveTextContent("Job match: Error rate 40 % is over 10 %.");
    expect(active).toHaveClass("alerts");
    await userEvent.click(screen.getByTestId("alert-history-toggle"));
    const history = await screen.findByTestId("alert-history");
    expect(backend.listAlertHistory).toHaveBeenCalledWith(50);
    expect(within(history).getAllByRole("row")).toHaveLength(3);
    expect(history).toHaveTextContent("after 1 h");
    await userEvent.click(screen.getByTestId("alert-limits"));
    expect(settingsOpened).toHaveBeenCalled();
  });

  it("keeps the newest period's figures when an older load answers late", async () => {
    let answerOld: (d: Dashboard) => void = () => {};
    vi.mocked(backend.getDashboard)
      .mockImplementationOnce(() => new Promise<Dashboard>((resolve) => (answerOld = resolve)))
      .mockResolvedValue(dashboard({ current: { ...current, totalExecutions: 99 } }));
    render(<DashboardView active onOpenInbox={() => {}} onOpenSettings={() => {}} />);
    await userEvent.click(screen.getByTestId("period-1w"));
    expect(await screen.findByTestId("card-executions-value")).toHaveTextContent("99");
    await act(async () => answerOld(dashboard({ current: { ...current, totalExecutions: 7 } })));
    expect(screen.getByTestId("card-executions-value")).toHaveTextContent("99");
  });

  it("labels, budgets and exports the figures shown by their own period until the next one has loaded", async () => {
    let answerWeek: (d: Dashboard) => void = () => {};
    vi.mocked(backend.getDashboard)
      .mockResolvedValueOnce(dashboard())
      .mockImplementationOnce(() => new Promise<Dashboard>((resolve) => (answerWeek = resolve)));
    vi.mocked(backend.exportCosts).mockResolvedValue(null);
    render(<DashboardView active onOpenInbox={() => {}} onOpenSettings={() => {}} />);
    await screen.findByTestId("summary-cards");
    await userEvent.click(screen.getByTestId("period-1w"));
    await waitFor(() => expect(backend.getDashboard).toHaveBeenLastCalledWith(null, 168));

    // Still the last 24 hours' figures: said so, with a day's budget, and exported as such.
    expect(screen.getByTestId("dashboard-status")).toHaveTextContent("The last 24 hours against the 24 h before");
    expect(screen.getByTestId("dashboard-status")).toHaveTextContent("refreshing");
    expect(screen.getByRole("img", { name: /Spend over time: .* of \$1\.00 budgeted/ })).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("export-costs-csv"));
    expect(backend.exportCosts).toHaveBeenLastCalledWith("csv", 24);

    await act(async () => answerWeek(dashboard()));
    expect(screen.getByTestId("dashboard-status")).toHaveTextContent("The last week against the 1 week before");
    expect(screen.getByRole("img", { name: /Spend over time: .* of \$7\.00 budgeted/ })).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("export-costs-csv"));
    expect(backend.exportCosts).toHaveBeenLastCalledWith("csv", 168);
  });

  it("says when a period could not be loaded instead of passing the old figures off as it", async () => {
    vi.mocked(backend.getDashboard)
      .mockResolvedValueOnce(dashboard())
      .mockRejectedValueOnce({ code: "database", message: "The store is locked." });
    render(<DashboardView active onOpenInbox={() => {}} onOpenSettings={() => {}} />);
    await screen.findByTestId("summary-cards");
    await userEvent.click(screen.getByTestId("period-1w"));
    const stale = await screen.findByTestId("dashboard-stale");
    expect(stale).toHaveAttribute("role", "alert");
    expect(stale).toHaveTextContent("Could not load the last week: The store is locked. — still showing the last 24 hours");
    expect(screen.getByTestId("dashboard-status")).toHaveTextContent("The last 24 hours");

    await userEvent.click(within(stale).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(screen.queryByTestId("dashboard-stale")).not.toBeInTheDocument());
    expect(screen.getByTestId("dashboard-status")).toHaveTextContent("The last week");
  });

  it("stacks failed runs over all runs, and draws spend so far at each bucket's end", async () => {
    render(<DashboardView active onOpenInbox={() => {}} onOpenSettings={() => {}} />);
    await screen.findByTestId("summary-cards");
    const sum = (v: (number | null)[] | undefined) => (v ?? []).reduce<number>((a, b) => a + (b ?? 0), 0);
    const [total, failed] = drawn.charts["chart-runs"]!.series;
    expect([total!.label, sum(total!.values), sum(total!.legend)]).toEqual(["Succeeded", 40, 36]);
    expect([failed!.label, sum(failed!.values)]).toEqual(["Failed", 4]);

    const spend = drawn.charts["chart-spend"]!;
    const at = (ms: number) => spend.series[0]!.values[spend.t.indexOf(ms / 1000)];
    // The run's minute starts an hour ago: its spend is all in once that minute is over.
    expect(at(now - 3_600_000)).toBe(0);
    expect(at(now - 3_600_000 + 60_000)).toBe(0.5);
    expect(spend.t.at(-1)).toBe(now / 1000);
  });

  it("matches an agent to the circuits of its model", () => {
    const agents = settings().agents;
    const circuits = [
      { circuit: "openai/gpt-4o-mini", state: "half_open" },
      { circuit: "openai/gpt-4o", state: "open" },
    ] as never;
    expect(circuitsOf("email-analyst", agents, circuits)).toEqual([{ circuit: "openai/gpt-4o-mini", state: "half_open" }]);
    expect(circuitsOf("nobody", agents, circuits)).toEqual([]);
  });
});
