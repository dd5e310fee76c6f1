import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { explanationView } from "../../test/fixtures";
import type { ExplanationFormat } from "../../types";

vi.mock("../../backend", () => ({
  backend: {
    getExplanation: vi.fn(),
    pickExplanationPath: vi.fn(),
    exportExplanation: vi.fn(),
  },
}));

const { backend } = await import("../../backend");
const { ExplanationPanel } = await import("./ExplanationPanel");

/** An opener, so focus has somewhere to come back to. */
function Opener({ executionId = 42 }: { executionId?: number }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Open</button>
      {open && <ExplanationPanel executionId={executionId} onClose={() => setOpen(false)} />}
    </>
  );
}

async function openPanel(executionId = 42) {
  const user = userEvent.setup();
  render(<Opener executionId={executionId} />);
  await user.click(screen.getByRole("button", { name: "Open" }));
  const panel = await screen.findByTestId("explanation");
  return { user, panel };
}

const HOSTILE = "<img src=x onerror=alert(1)>";

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(backend.getExplanation).mockResolvedValue(explanationView());
});

describe("explanation panel", () => {
  it("shows the decision, confidence, summary, reasoning, tools, alternatives and lists", async () => {
    vi.mocked(backend.getExplanation).mockResolvedValue(
      explanationView({
        // Out of order, as a model might number them: shown by step.
        reasoningSteps: [
          { step: 2, reasoningType: "thought", content: "An invite, not a rejection." },
          { step: 1, reasoningType: "observation", content: "The subject mentions an interview." },
          { step: 3, reasoningType: "decision", content: "Interview invite." },
        ],
        gaps: ["alternatives: the model gave none", "limitations were not stated"],
      }),
    );
    const { panel } = await openPanel();
    expect(backend.getExplanation).toHaveBeenCalledWith(42);

    expect(panel).toHaveAttribute("role", "dialog");
    expect(screen.getByRole("dialog", { name: /Why this result\?/ })).toBe(panel);
    expect(await within(panel).findByTestId("explanation-decision")).toHaveTextContent("Interview invite from Acme");
    expect(within(panel).getByTestId("explanation-confidence")).toHaveTextContent("87% confident");
    expect(within(panel).getByTestId("explanation-summary")).toHaveTextContent("Interview invite from Acme (87% confident).");

    const steps = within(panel).getAllByTestId("reasoning-step");
    expect(steps.map((s) => s.textContent)).toEqual([
      "ObservationThe subject mentions an interview.",
      "ThoughtAn invite, not a rejection.",
      "DecisionInterview invite.",
    ]);

    const tool = within(panel).getByTestId("tool-usage");
    expect(tool).toHaveTextContent("find_application");
    expect(within(tool).getByTestId("tool-reason")).toHaveTextContent("To link the email to an application at Acme.");
    expect(within(tool).getByTestId("tool-inputs").textContent).toBe('{\n  "company": "Acme",\n  "role": "Rust Engineer"\n}');
    expect(within(tool).getByTestId("tool-inputs").tagName).toBe("PRE");
    expect(tool).toHaveTextContent("One matching application");
    expect(within(tool).getByTestId("tool-outcome")).toHaveTextContent("Found application #1");
    expect(within(tool).getByTestId("tool-result")).toHaveTextContent("Succeeded");

    const alternative = within(panel).getByTestId("alternative");
    expect(alternative).toHaveTextContent("Recruiter outreach");
    expect(alternative).toHaveTextContent("20% confident");
    expect(alternative).toHaveTextContent("Sent by a recruiter");
    expect(alternative).toHaveTextContent("Names a date for an interview");
    expect(alternative).toHaveTextContent("Not chosen because: The email schedules an interview.");

    expect(within(panel).getByTestId("explanation-key-factors")).toHaveTextContent("The word “interview” in the subject");
    expect(within(panel).getByTestId("explanation-assumptions")).toHaveTextContent("The email is about the Rust Engineer application");
    expect(within(panel).getByTestId("explanation-limitations")).toHaveTextContent("Built-in rules read keywords, not meaning");

    const gaps = within(panel).getByTestId("explanation-gaps");
    expect(gaps).toHaveTextContent("Missing from this explanation");
    expect(within(gaps).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "alternatives: the model gave none",
      "limitations were not stated",
    ]);
  });

  it("shows no gaps box for a complete explanation, and a failed tool as failed", async () => {
    vi.mocked(backend.getExplanation).mockResolvedValue(
      explanationView({
        toolUsages: [
          { toolName: "lookup", reason: "", inputs: null, expectedOutcome: null, actualOutcome: "timed out", success: false },
        ],
      }),
    );
    const { panel } = await openPanel();
    const tool = await within(panel).findByTestId("tool-usage");
    expect(within(tool).getByTestId("tool-result")).toHaveTextContent("Failed");
    expect(within(tool).getByTestId("tool-reason")).toHaveTextContent("No reason given");
    expect(within(tool).getByTestId("tool-inputs").textContent).toBe("null");
    expect(tool).not.toHaveTextContent("Expected");
    expect(within(panel).queryByTestId("explanation-gaps")).not.toBeInTheDocument();
  });

  it("renders text from models and emails as text, never as HTML", async () => {
    vi.mocked(backend.getExplanation).mockResolvedValue(
      explanationView(
        {
          decision: HOSTILE,
          agentName: HOSTILE,
          reasoningSteps: [{ step: 1, reasoningType: "observation", content: HOSTILE }],
          toolUsages: [
            { toolName: HOSTILE, reason: HOSTILE, inputs: { html: HOSTILE }, expectedOutcome: HOSTILE, actualOutcome: HOSTILE, success: true },
          ],
          alternatives: [{ description: HOSTILE, pros: [HOSTILE], cons: [HOSTILE], confidence: 0.1, reasonNotChosen: HOSTILE }],
          keyFactors: [HOSTILE],
          assumptions: [HOSTILE],
          limitations: [HOSTILE],
          gaps: [HOSTILE],
        },
        `<script>alert(2)</script>${HOSTILE}`,
      ),
    );
    const { panel } = await openPanel();
    expect((await within(panel).findByTestId("explanation-decision")).textContent).toBe(HOSTILE);
    expect(within(panel).getByTestId("explanation-summary").textContent).toBe(`<script>alert(2)</script>${HOSTILE}`);
    expect(within(panel).getByTestId("reasoning-step")).toHaveTextContent(HOSTILE);
    expect(within(panel).getByTestId("tool-inputs").textContent).toBe(JSON.stringify({ html: HOSTILE }, null, 2));
    expect(within(panel).getByTestId("explanation-gaps")).toHaveTextContent(HOSTILE);
    expect(document.querySelector("img")).toBeNull();
    expect(document.querySelector("script")).toBeNull();
  });

  it("says when no explanation was stored for the run", async () => {
    vi.mocked(backend.getExplanation).mockRejectedValue({ code: "not_found", message: "no explanation for execution 7" });
    const { panel } = await openPanel(7);
    expect(backend.getExplanation).toHaveBeenCalledWith(7);
    expect(await within(panel).findByTestId("explanation-missing")).toHaveTextContent("No explanation was stored for this run.");
    expect(within(panel).queryByRole("alert")).not.toBeInTheDocument();
    expect(within(panel).queryByTestId("export-markdown")).not.toBeInTheDocument();
  });

  it("shows a load failure and tries again", async () => {
    vi.mocked(backend.getExplanation)
      .mockRejectedValueOnce({ code: "store_unavailable", message: "database is locked" })
      .mockResolvedValueOnce(explanationView());
    const { user, panel } = await openPanel();
    const alert = await within(panel).findByRole("alert");
    expect(alert).toHaveTextContent("Could not load the explanation: database is locked");
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await within(panel).findByTestId("explanation-decision")).toHaveTextContent("Interview invite from Acme");
    expect(backend.getExplanation).toHaveBeenCalledTimes(2);
  });

  it.each<[ExplanationFormat, string]>([
    ["markdown", "/home/me/explanation-42.md"],
    ["html", "/home/me/explanation-42.html"],
    ["plain_text", "/home/me/explanation-42.txt"],
    ["json", "/home/me/explanation-42.json"],
  ])("exports as %s to the path picked in the save dialog", async (format, path) => {
    vi.mocked(backend.pickExplanationPath).mockResolvedValue(path);
    vi.mocked(backend.exportExplanation).mockImplementation(async (_id, _format, p) => p);
    const { user, panel } = await openPanel();
    await user.click(await within(panel).findByTestId(`export-${format}`));

    expect(await within(panel).findByTestId("export-done")).toHaveTextContent(`Saved to ${path}`);
    expect(backend.pickExplanationPath).toHaveBeenCalledWith(42, format);
    expect(backend.exportExplanation).toHaveBeenCalledWith(42, format, path);
    expect(vi.mocked(backend.pickExplanationPath).mock.invocationCallOrder[0]).toBeLessThan(
      vi.mocked(backend.exportExplanation).mock.invocationCallOrder[0]!,
    );
  });

  it("does nothing when the save dialog is cancelled", async () => {
    vi.mocked(backend.pickExplanationPath).mockResolvedValue(null);
    const { user, panel } = await openPanel();
    await user.click(await within(panel).findByTestId("export-html"));
    await waitFor(() => expect(backend.pickExplanationPath).toHaveBeenCalledWith(42, "html"));
    expect(backend.exportExplanation).not.toHaveBeenCalled();
    expect(within(panel).queryByTestId("export-done")).not.toBeInTheDocument();
    expect(within(panel).queryByTestId("export-error")).not.toBeInTheDocument();
    expect(screen.getByTestId("explanation")).toBeInTheDocument();
  });

  it("shows why an export failed", async () => {
    vi.mocked(backend.pickExplanationPath).mockResolvedValue("/read-only/explanation-42.json");
    vi.mocked(backend.exportExplanation).mockRejectedValue({
      code: "invalid_input",
      field: "path",
      message: "cannot write /read-only/explanation-42.json: Permission denied",
    });
    const { user, panel } = await openPanel();
    await user.click(await within(panel).findByTestId("export-json"));
    expect(await within(panel).findByTestId("export-error")).toHaveTextContent(
      "Could not export: cannot write /read-only/explanation-42.json: Permission denied",
    );
    expect(within(panel).queryByTestId("export-done")).not.toBeInTheDocument();
  });

  it("takes focus, keeps Tab inside, and closes with Escape or Close, giving focus back", async () => {
    const { user, panel } = await openPanel();
    const close = within(panel).getByTestId("explanation-close");
    expect(close).toHaveFocus();
    await within(panel).findByTestId("explanation-decision");

    // Shift+Tab from the first control wraps to the last, Tab from the last to the first.
    await user.tab({ shift: true });
    expect(within(panel).getByTestId("export-json")).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("explanation")).not.toBeInTheDocument());
    expect(screen.getByRole("button", { name: "Open" })).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Open" }));
    await user.click(await screen.findByTestId("explanation-close"));
    expect(screen.queryByTestId("explanation")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Open" })).toHaveFocus();
  });
});
