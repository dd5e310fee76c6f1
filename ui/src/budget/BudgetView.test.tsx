import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { settings } from "../test/fixtures";
import type { BudgetPeriod, BudgetStatus, CostSummary } from "../types";

vi.mock("../backend", () => ({
  backend: {
    getBudgetStatus: vi.fn(),
    getOptimizationTips: vi.fn(),
    getTotalCosts: vi.fn(),
    getSettings: vi.fn(),
    setBudgets: vi.fn(),
    onExecutionFinished: vi.fn(async () => () => {}),
    onCircuitChanged: vi.fn(async () => () => {}),
    onAlertsChanged: vi.fn(async () => () => {}),
  },
}));

const { backend } = await import("../backend");
const { BudgetView, level, scopeLabel } = await import("./BudgetView");

const period = (over: Partial<BudgetPeriod>): BudgetPeriod => ({
  scope: "daily",
  limit: 1,
  spent: 0.85,
  remaining: 0.15,
  budgetUsedPercent: 85,
  projected: 1.3,
  thresholdsCrossed: [50, 80],
  exceeded: false,
  ...over,
});

function status(over: Partial<BudgetStatus> = {}): BudgetStatus {
  return {
    daily: period({}),
    monthly: period({ scope: "monthly", limit: 20, spent: 4, remaining: 16, budgetUsedPercent: 20, projected: 12, thresholdsCrossed: [] }),
    agents: [period({ scope: "agent:job-match", limit: 0.5, spent: 0.6, remaining: 0, budgetUsedPercent: 120, projected: 0.9, thresholdsCrossed: [50, 80, 90, 100], exceeded: true })],
    hardLimit: true,
    todaySpent: 0.85,
    monthSpent: 4,
    forecast: { todaySpent: 0.85, todayProjected: 1.3, monthSpent: 4, monthProjected: 12, recentHourlyRate: 0.05, recentDailyRate: 0.4 },
    alerts: ["Today's budget is 85 % spent."],
    ...over,
  };
}

beforeEach(() => {
  vi.mocked(backend.getBudgetStatus).mockResolvedValue(status());
  vi.mocked(backend.getOptimizationTips).mockResolvedValue([
    { agent: "email-analyst", kind: "cheaper_model", message: "Use gpt-4o-mini for sorting mail.", potentialSavings: 0.42, periodHours: 168 },
  ]);
  vi.mocked(backend.getTotalCosts).mockResolvedValue({ totalCost: 3.2, daily: [{ date: "2026-11-28", dayStart: Date.UTC(2026, 10, 28), cost: 0.85, calls: 12 }] } as CostSummary);
  vi.mocked(backend.getSettings).mockResolvedValue(settings({ budgets: { dailyBudget: 1, monthlyBudget: 20, agentDailyBudgets: { "job-match": 0.5 }, hardLimit: true } }));
  vi.mocked(backend.setBudgets).mockImplementation(async (b) => b);
});

describe("budget view", () => {
  it("shows each budget's gauge with thresholds and forecast, the tips with their savings, and the form", async () => {
    render(<BudgetView active />);
    const daily = await screen.findByTestId("gauge-daily");
    expect(daily).toHaveClass("gauge-warning");
    expect(within(daily).getByTestId("gauge-daily-text")).toHaveTextContent("$0.85 of $1.00 (85 %)");
    expect(within(daily).getByRole("meter")).toHaveAttribute("aria-valuenow", "85");
    expect(daily).toHaveTextContent("At the recent rate: $1.30 by the end of the day — over budget");
    expect(screen.getByTestId("gauge-monthly")).toHaveClass("gauge-normal");
    const agent = screen.getByTestId("gauge-agent-job-match");
    expect(agent).toHaveTextContent("Job match today");
    expect(agent).toHaveClass("gauge-over");
    expect(agent).toHaveTextContent("Spent.");
    expect(screen.getByTestId("forecast")).toHaveTextContent("$12.00 by month end");
    expect(screen.getByText("Today's budget is 85 % spent.")).toBeInTheDocument();
    expect(screen.getByTestId("tips")).toHaveTextContent("$0.42");
    expect(screen.getByTestId("tips")).toHaveTextContent("Email analyst: Use gpt-4o-mini");
    expect(backend.getOptimizationTips).toHaveBeenCalledWith(168);
    expect(screen.getByLabelText("Daily budget")).toHaveValue("1");
    expect(screen.getByRole("img", { name: /Spend per day.*against a daily budget of \$1\.00; today is heading for \$1\.30/ })).toBeInTheDocument();
  });

  it("says when no budget is set, and reloads after budgets are saved", async () => {
    vi.mocked(backend.getBudgetStatus).mockResolvedValue(status({ daily: null, monthly: null, agents: [], alerts: [] }));
    render(<BudgetView active />);
    expect(await screen.findByTestId("no-budgets")).toHaveTextContent("No budget is set");
    const before = vi.mocked(backend.getBudgetStatus).mock.calls.length;
    await userEvent.clear(screen.getByLabelText("Daily budget"));
    await userEvent.type(screen.getByLabelText("Daily budget"), "2");
    await userEvent.click(screen.getByTestId("budgets-save"));
    await waitFor(() => expect(vi.mocked(backend.getBudgetStatus).mock.calls.length).toBeGreaterThan(before));
  });

  it("keeps the newest figures when an older load answers late", async () => {
    let answerOld: (s: BudgetStatus) => void = () => {};
    vi.mocked(backend.getBudgetStatus)
      .mockImplementationOnce(() => new Promise<BudgetStatus>((resolve) => (answerOld = resolve)))
      .mockResolvedValue(status({ todaySpent: 0.9, forecast: { ...status().forecast, todaySpent: 0.9, todayProjected: 1.5 } }));
    const { rerender } = render(<BudgetView active />);
    // Coming back to the view loads again; this load answers first.
    rerender(<BudgetView active={false} />);
    rerender(<BudgetView active />);
    expect(await screen.findByTestId("forecast")).toHaveTextContent("$0.9 → $1.50");
    await act(async () => answerOld(status()));
    expect(screen.getByTestId("forecast")).toHaveTextContent("$0.9 → $1.50");
  });

  it("names scopes and levels", () => {
    expect(scopeLabel("daily")).toBe("Today");
    expect(scopeLabel("monthly")).toBe("This month");
    expect(scopeLabel("agent:follow-up")).toBe("Follow-up today");
    expect(level(period({ budgetUsedPercent: 79.9 }))).toBe("normal");
    expect(level(period({ budgetUsedPercent: 80 }))).toBe("warning");
    expect(level(period({ budgetUsedPercent: 100 }))).toBe("over");
  });
});
