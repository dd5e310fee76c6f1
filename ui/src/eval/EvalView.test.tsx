import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EvalProgress, EvalReport, EvalResult } from "../types";

let progressListener: ((p: EvalProgress) => void) | null = null;

vi.mock("../backend", () => ({
  backend: {
    runEvaluation: vi.fn(),
    pickFolder: vi.fn(),
    getExplanation: vi.fn(),
    onEvalProgress: vi.fn(async (cb: (p: EvalProgress) => void) => {
      progressListener = cb;
      return () => {};
    }),
  },
}));

const { backend } = await import("../backend");
const { EvalView } = await import("./EvalView");

const labels = [
  "application_received",
  "interview_invite",
  "assessment",
  "offer",
  "rejection",
  "recruiter_outreach",
  "follow_up_needed",
  "other",
];

function result(over: Partial<EvalResult> = {}): EvalResult {
  // Two offers right, one rejection read as an offer (row: expected, column: answered).
  const matrix = labels.map((_, i) => labels.map((_, j) => (i === 3 && j === 3 ? 2 : i === 4 && j === 3 ? 1 : 0)));
  return {
    engine: "llm",
    model: "gpt-4o-mini",
    n: 3,
    correct: 2,
    accuracy: 2 / 3,
    failed: 0,
    skipped: 0,
    perCategory: { offer: { support: 2, precision: 2 / 3, recall: 1, f1: 0.8 } },
    confusion: { labels, matrix },
    cost: 0.0123,
    costPerCorrect: 0.00615,
    p50Ms: 850,
    p95Ms: 1200,
    calibration: [{ from: 0.8, to: 1, n: 3, correct: 2, accuracy: 2 / 3, meanConfidence: 0.9 }],
    extraction: {
      n: 3,
      company: 1,
      companySameEmployer: 1,
      role: 2 / 3,
      misses: [
        {
          item: "email:9",
          emailId: 9,
          from: "Lumen Grid <jobs@lumengrid.example>",
          subject: "Interview for Data Engineer",
          expected: { company: "Lumen Grid", role: "Data Engineer" },
          found: { company: "Lumen Grid", role: null },
          executionId: 43,
        },
      ],
    },
    wrong: [
      {
        item: "email:7",
        emailId: 7,
        from: "HR <hr@acme.example>",
        subject: "Your application",
        expected: "rejection",
        predicted: "offer",
        confidence: 0.9,
        executionId: 41,
      },
    ],
    ...over,
  };
}

const report: EvalReport = {
  evaluation: "eval-1",
  sets: [
    {
      name: "corrections",
      n: 3,
      byCategory: { offer: 2, rejection: 1 },
      prefilter: { jobMail: 3, jobSkipped: 1, otherMail: 0, otherSkipped: 0, jobSkippedItems: ["offer/1.eml"] },
    },
  ],
  results: [result(), result({ model: "gpt-4o", accuracy: 1, correct: 3, wrong: [] })],
};

beforeEach(() => {
  progressListener = null;
  vi.mocked(backend.runEvaluation).mockReset();
});

describe("evaluate view", () => {
  it("runs on the corrections with the models to compare, shows progress, the table, the heat map and the wrong answers", async () => {
    let finish: (r: EvalReport) => void = () => {};
    vi.mocked(backend.runEvaluation).mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    const onOpenEmail = vi.fn();
    render(<EvalView active onOpenEmail={onOpenEmail} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId("eval-engine"), "llm");
    await user.type(screen.getByTestId("eval-models"), "gpt-4o-mini, gpt-4o");
    await user.click(screen.getByTestId("eval-run"));
    expect(backend.runEvaluation).toHaveBeenCalledWith({
      source: { kind: "corrections" },
      engine: "llm",
      models: ["gpt-4o-mini", "gpt-4o"],
    });
    await waitFor(() => expect(progressListener).not.toBeNull());
    act(() => progressListener?.({ target: "gpt-4o-mini", done: 1, total: 3 }));
    expect(await screen.findByTestId("eval-progress")).toHaveTextContent("gpt-4o-mini: 1 of 3");
    await act(async () => finish(report));
    const table = await screen.findByTestId("eval-results");
    expect(screen.getByTestId("eval-set")).toHaveTextContent("would skip 1 of 3 job mails and 0 of 0 others");
    expect(screen.getByTestId("eval-prefilter-skipped")).toHaveTextContent("Job mail it would skip: offer/1.eml.");
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent("gpt-4o-mini");
    expect(rows[1]).toHaveTextContent("67%");
    expect(within(rows[1]!).getByTestId("eval-same-employer")).toHaveTextContent("100%");
    expect(rows[2]).toHaveTextContent("100%");
    const [heat] = screen.getAllByTestId("eval-confusion");
    if (!heat) throw new Error("no heat map");
    expect(within(heat).getByLabelText("2 Offer answered Offer")).toHaveTextContent("2");
    expect(within(heat).getByLabelText("1 Rejection answered Offer")).toHaveClass("heat-wrong");
    const wrong = screen.getByTestId("eval-wrong");
    expect(wrong).toHaveTextContent("Your application");
    await user.click(within(wrong).getByRole("button", { name: "Open email" }));
    expect(onOpenEmail).toHaveBeenCalledWith(7);
    const [misses] = screen.getAllByTestId("eval-misses");
    if (!misses) throw new Error("no extraction misses");
    expect(misses).toHaveTextContent("Lumen Grid · Data Engineer");
    expect(misses).toHaveTextContent("Lumen Grid · no role");
    await user.click(within(misses).getByRole("button", { name: "Open email" }));
    expect(onOpenEmail).toHaveBeenCalledWith(9);
  });

  it("needs a folder before a folder run, and shows why a run was refused", async () => {
    vi.mocked(backend.runEvaluation).mockRejectedValue({ code: "invalid_input", message: "engine: no model endpoint is usable", field: "engine" });
    render(<EvalView active />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("eval-source-dir"));
    expect(screen.getByTestId("eval-run")).toBeDisabled();
    await user.type(screen.getByTestId("eval-dir"), "/data/labelled");
    await user.click(screen.getByTestId("eval-run"));
    expect(backend.runEvaluation).toHaveBeenCalledWith({ source: { kind: "dir", dir: "/data/labelled" }, engine: null, models: [] });
    expect(await screen.findByTestId("eval-error")).toHaveTextContent("no model endpoint is usable");
  });
});
