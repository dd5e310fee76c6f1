import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { application, execution, explanationView, runResult } from "../test/fixtures";
import type { Profile } from "../types";

vi.mock("../backend", () => ({
  backend: {
    getProfile: vi.fn(),
    saveProfile: vi.fn(),
    runJobMatch: vi.fn(),
    listFollowUpsDue: vi.fn(),
    runFollowUp: vi.fn(),
    getExplanation: vi.fn(),
    pickExplanationPath: vi.fn(),
    exportExplanation: vi.fn(),
  },
}));

const { backend } = await import("../backend");
const { ProfileView } = await import("./ProfileView");

const emptyProfile: Profile = {
  name: "",
  headline: "",
  skills: [],
  yearsExperience: null,
  experience: "",
  locations: [],
  remote: false,
  desiredRoles: [],
  minSalary: null,
  updatedAt: null,
};

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(backend.getProfile).mockResolvedValue(emptyProfile);
  vi.mocked(backend.saveProfile).mockImplementation(async (d) => ({ ...emptyProfile, ...d, updatedAt: Date.now() }));
  vi.mocked(backend.listFollowUpsDue).mockResolvedValue([]);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("profile", () => {
  it("saves lists parsed from comma-separated text and numbers from their fields", async () => {
    const user = userEvent.setup();
    render(<ProfileView />);
    const form = await screen.findByTestId("profile-form");
    await user.type(within(form).getByLabelText("Name"), "Ada Lovelace");
    await user.type(within(form).getByLabelText("Skills"), "Rust, SQL ,, Kubernetes ");
    await user.type(within(form).getByLabelText("Years of experience"), "6");
    await user.type(within(form).getByLabelText("Preferred locations"), "Berlin, Remote EU");
    await user.click(within(form).getByLabelText("Open to remote work"));
    await user.type(within(form).getByLabelText("Desired roles"), "Backend Engineer");
    await user.click(screen.getByTestId("profile-save"));

    expect(await screen.findByTestId("profile-saved")).toHaveTextContent("Saved");
    expect(backend.saveProfile).toHaveBeenCalledWith({
      name: "Ada Lovelace",
      headline: "",
      skills: ["Rust", "SQL", "Kubernetes"],
      yearsExperience: 6,
      experience: "",
      locations: ["Berlin", "Remote EU"],
      remote: true,
      desiredRoles: ["Backend Engineer"],
      minSalary: null,
    });
    // The saved profile comes back normalised into the form.
    expect(within(form).getByLabelText("Skills")).toHaveValue("Rust, SQL, Kubernetes");
  });

  it("shows the backend's field error next to that field", async () => {
    vi.mocked(backend.saveProfile).mockRejectedValue({ code: "invalid_input", message: "skills has more than 100 entries", field: "skills" });
    const user = userEvent.setup();
    render(<ProfileView />);
    const form = await screen.findByTestId("profile-form");
    await user.type(within(form).getByLabelText("Skills"), "Rust");
    await user.click(screen.getByTestId("profile-save"));

    const error = await screen.findByTestId("field-error-skills");
    expect(error).toHaveTextContent("skills has more than 100 entries");
    expect(within(form).getByLabelText("Skills")).toHaveAttribute("aria-invalid", "true");
    expect(within(form).getByLabelText("Skills").closest(".field")).toContainElement(error);
    expect(within(form).getByLabelText("Skills")).toHaveAccessibleDescription("skills has more than 100 entries");
    expect(screen.queryByTestId("profile-saved")).not.toBeInTheDocument();
  });

  it("loads the stored profile into the form", async () => {
    vi.mocked(backend.getProfile).mockResolvedValue({ ...emptyProfile, name: "Ada", skills: ["Rust", "Go"], minSalary: 90000, remote: true });
    render(<ProfileView />);
    const form = await screen.findByTestId("profile-form");
    expect(within(form).getByLabelText("Name")).toHaveValue("Ada");
    expect(within(form).getByLabelText("Skills")).toHaveValue("Rust, Go");
    expect(within(form).getByLabelText("Minimum salary")).toHaveValue(90000);
    expect(within(form).getByLabelText("Open to remote work")).toBeChecked();
  });

  it("shows a profile that could not be loaded", async () => {
    vi.mocked(backend.getProfile).mockRejectedValue({ code: "store_unavailable", message: "database is locked" });
    render(<ProfileView />);
    expect(await screen.findByTestId("profile-load-error")).toHaveTextContent("database is locked");
  });
});

describe("job match", () => {
  it("scores a pasted post and shows the score, recommendation and skill chips", async () => {
    vi.mocked(backend.runJobMatch).mockResolvedValue(
      runResult(
        {
          score: 82,
          matched_skills: ["Rust", "SQL"],
          missing_skills: ["Kubernetes"],
          recommendation: "apply" as const,
          summary: "Strong backend fit.",
          confidence: 0.7,
        },
        { execution: execution({ engine: "llm", provider: "openai", model: "gpt-4o-mini", usage: { input: 900, cachedInput: 100, output: 50, reasoning: 0 } }) },
      ),
    );
    const user = userEvent.setup();
    render(<ProfileView />);
    await user.type(screen.getByTestId("job-post-input"), "Senior Rust engineer, SQL, Kubernetes");
    await user.click(screen.getByTestId("job-match-button"));

    const result = await screen.findByTestId("job-match-result");
    expect(backend.runJobMatch).toHaveBeenCalledWith("Senior Rust engineer, SQL, Kubernetes");
    expect(within(result).getByTestId("job-match-score")).toHaveTextContent("82");
    expect(within(result).getByTestId("job-match-recommendation")).toHaveTextContent("Apply");
    const matched = within(within(result).getByTestId("matched-skills")).getAllByRole("listitem").map((li) => li.textContent);
    const missing = within(within(result).getByTestId("missing-skills")).getAllByRole("listitem").map((li) => li.textContent);
    expect(matched).toEqual(["Rust", "SQL"]);
    expect(missing).toEqual(["Kubernetes"]);
    expect(result).toHaveTextContent("Strong backend fit.");
    expect(result).toHaveTextContent("70% confident");
    expect(result).toHaveTextContent("openai · gpt-4o-mini");
    expect(result).toHaveTextContent((1050).toLocaleString() + " tokens");
  });

  it("opens the score's explanation from Why?", async () => {
    vi.mocked(backend.runJobMatch).mockResolvedValue(
      runResult(
        { score: 55, matched_skills: ["Rust"], missing_skills: [], recommendation: "consider" as const, summary: "", confidence: 0.6 },
        { execution: execution({ executionId: 8, agent: "job-match" }) },
      ),
    );
    vi.mocked(backend.getExplanation).mockResolvedValue(explanationView({ executionId: 8, decision: "Consider: 55/100" }));
    const user = userEvent.setup();
    render(<ProfileView />);
    await user.type(screen.getByTestId("job-post-input"), "Rust engineer");
    await user.click(screen.getByTestId("job-match-button"));
    await user.click(within(await screen.findByTestId("job-match-result")).getByTestId("why-button"));
    expect(await within(await screen.findByTestId("explanation")).findByTestId("explanation-decision")).toHaveTextContent("Consider: 55/100");
    expect(backend.getExplanation).toHaveBeenCalledWith(8);
  });

  it("shows the backend's error for the post", async () => {
    vi.mocked(backend.runJobMatch).mockRejectedValue({ code: "invalid_input", message: "post is too long", field: "post" });
    const user = userEvent.setup();
    render(<ProfileView />);
    await user.type(screen.getByTestId("job-post-input"), "x");
    await user.click(screen.getByTestId("job-match-button"));
    expect(await screen.findByTestId("job-post-error")).toHaveTextContent("post is too long");
    expect(screen.getByTestId("job-post-input")).toHaveAttribute("aria-invalid", "true");
  });

  it("asks for a post instead of sending an empty one", async () => {
    const user = userEvent.setup();
    render(<ProfileView />);
    await user.click(screen.getByTestId("job-match-button"));
    expect(screen.getByTestId("job-post-error")).toHaveTextContent("Paste a job post");
    expect(backend.runJobMatch).not.toHaveBeenCalled();
  });

  it("explains a run that ended without a result", async () => {
    vi.mocked(backend.runJobMatch).mockResolvedValue({
      output: null,
      error: { kind: "rate_limited", message: "The provider is rate limiting requests." },
      execution: execution({ success: false }),
    });
    const user = userEvent.setup();
    render(<ProfileView />);
    await user.type(screen.getByTestId("job-post-input"), "Rust job");
    await user.click(screen.getByTestId("job-match-button"));
    expect(await screen.findByTestId("run-error")).toHaveTextContent("The provider is rate limiting requests.");
    expect(screen.queryByTestId("job-match-score")).not.toBeInTheDocument();
  });

  it("says when JobMatch is turned off and links to its settings", async () => {
    vi.mocked(backend.runJobMatch).mockRejectedValue({ code: "invalid_input", field: "agent", message: "agent job-match is turned off in the agent settings" });
    const onOpenSettings = vi.fn();
    const user = userEvent.setup();
    render(<ProfileView onOpenSettings={onOpenSettings} />);
    await user.type(screen.getByTestId("job-post-input"), "Rust job");
    await user.click(screen.getByTestId("job-match-button"));
    const error = await screen.findByTestId("job-match-error");
    expect(error).toHaveTextContent("Could not score this job: agent job-match is turned off in the agent settings");
    // Not mistaken for a problem with the post.
    expect(screen.queryByTestId("job-post-error")).not.toBeInTheDocument();
    await user.click(within(error).getByRole("button", { name: "Turn it on in Settings" }));
    expect(onOpenSettings).toHaveBeenCalledWith("job-match");
  });
});

describe("follow-ups", () => {
  const due = [{ application: application({ id: 4, company: "Initech", role: "Platform Engineer", status: "applied" }), daysSinceActivity: 12 }];
  const draft = runResult({ application_id: 4, subject: "Following up on my application", body: "Dear Initech team,\n\nI wanted to follow up…", confidence: 0.5 });

  it("lists applications due for a follow-up and drafts one", async () => {
    vi.mocked(backend.listFollowUpsDue).mockResolvedValue(due);
    vi.mocked(backend.runFollowUp).mockResolvedValue(draft);
    const user = userEvent.setup();
    render(<ProfileView />);

    const row = await screen.findByTestId("follow-up-row");
    expect(backend.listFollowUpsDue).toHaveBeenCalledWith(7);
    expect(row).toHaveTextContent("Initech");
    expect(row).toHaveTextContent("Platform Engineer");
    expect(row).toHaveTextContent("applied");
    expect(row).toHaveTextContent("12 days since the last activity");

    await user.click(within(row).getByTestId("follow-up-button"));
    expect(backend.runFollowUp).toHaveBeenCalledWith(4);
    const shown = await within(row).findByTestId("follow-up-draft");
    expect(within(shown).getByTestId("follow-up-subject")).toHaveTextContent("Following up on my application");
    expect(within(shown).getByTestId("follow-up-body").textContent).toBe("Dear Initech team,\n\nI wanted to follow up…");
  });

  it("opens the draft's explanation from Why?", async () => {
    vi.mocked(backend.listFollowUpsDue).mockResolvedValue(due);
    vi.mocked(backend.runFollowUp).mockResolvedValue({ ...draft, execution: execution({ executionId: 9, agent: "follow-up" }) });
    vi.mocked(backend.getExplanation).mockRejectedValue({ code: "not_found", message: "no explanation for execution 9" });
    const user = userEvent.setup();
    render(<ProfileView />);
    const row = await screen.findByTestId("follow-up-row");
    await user.click(within(row).getByTestId("follow-up-button"));
    await user.click(within(await within(row).findByTestId("follow-up-draft")).getByTestId("why-button"));
    expect(await screen.findByTestId("explanation")).toHaveTextContent("No explanation was stored for this run.");
    expect(backend.getExplanation).toHaveBeenCalledWith(9);
  });

  it("copies the draft, and says so when the clipboard refuses", async () => {
    vi.mocked(backend.listFollowUpsDue).mockResolvedValue(due);
    vi.mocked(backend.runFollowUp).mockResolvedValue(draft);
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error("permission denied"));
    render(<ProfileView />);
    await user.click(await screen.findByTestId("follow-up-button"));
    await screen.findByTestId("follow-up-draft");
    // user-event installs its own clipboard in setup(); replace it after.
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });

    await user.click(screen.getByTestId("follow-up-copy"));
    expect(writeText).toHaveBeenCalledWith("Subject: Following up on my application\n\nDear Initech team,\n\nI wanted to follow up…");
    expect(await screen.findByText("Copied to the clipboard")).toBeInTheDocument();

    await user.click(screen.getByTestId("follow-up-copy"));
    expect(await screen.findByTestId("follow-up-copy-error")).toHaveTextContent("permission denied");
  });

  it("says when FollowUp is turned off and links to its settings", async () => {
    vi.mocked(backend.listFollowUpsDue).mockResolvedValue(due);
    vi.mocked(backend.runFollowUp).mockRejectedValue({ code: "invalid_input", field: "agent", message: "agent follow-up is turned off in the agent settings" });
    const onOpenSettings = vi.fn();
    const user = userEvent.setup();
    render(<ProfileView onOpenSettings={onOpenSettings} />);
    const row = await screen.findByTestId("follow-up-row");
    await user.click(within(row).getByTestId("follow-up-button"));
    const error = await within(row).findByTestId("follow-up-error");
    expect(error).toHaveTextContent("Could not draft a follow-up: agent follow-up is turned off in the agent settings");
    await user.click(within(error).getByTestId("open-settings"));
    expect(onOpenSettings).toHaveBeenCalledWith("follow-up");
  });

  it("reloads the list for another number of days", async () => {
    const user = userEvent.setup();
    render(<ProfileView />);
    expect(await screen.findByTestId("follow-up-empty")).toHaveTextContent("7 days");
    const days = screen.getByTestId("follow-up-days");
    await user.clear(days);
    await user.type(days, "14");
    await waitFor(() => expect(backend.listFollowUpsDue).toHaveBeenLastCalledWith(14));
    expect(backend.listFollowUpsDue).not.toHaveBeenCalledWith(0);
  });
});
