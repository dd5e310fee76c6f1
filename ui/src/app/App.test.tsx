import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { agentConfig, email, emailSummary, reviewItem, settings as defaultSettings } from "../test/fixtures";
import type { Application, EmailSummary, ReviewItem, Settings } from "../types";

// The UI reaches Rust only through ./backend; an in-memory fake stands in for it.
const db: { apps: Application[]; nextId: number; review: ReviewItem[]; emails: EmailSummary[]; settings: Settings; executions: number } = {
  apps: [], nextId: 1, review: [], emails: [], settings: defaultSettings(), executions: 0,
};
vi.mock("../backend", () => ({
  backend: {
    appInfo: vi.fn(async () => ({ version: "0.1.0", dataDir: "/tmp/x", database: "/tmp/x/jobtrail.db", storeError: null })),
    listApplications: vi.fn(async () => [...db.apps]),
    addApplication: vi.fn(async (d: { company: string; role: string; status?: string }) => {
      if (d.company.includes("fail")) throw { code: "store_unavailable", message: "disk is read-only" };
      const app: Application = {
        id: db.nextId++, company: d.company.trim(), role: d.role.trim(), status: (d.status ?? "saved") as Application["status"],
        source: null, url: null, location: null, notes: "", createdAt: 0, updatedAt: 0,
      };
      db.apps.unshift(app);
      return app;
    }),
    setApplicationStatus: vi.fn(async (id: number, status: Application["status"]) => {
      const app = db.apps.find((a) => a.id === id);
      if (!app) throw { code: "not_found", message: `no application with id ${id}` };
      app.status = status;
      return app;
    }),
    deleteApplication: vi.fn(async (id: number) => {
      db.apps = db.apps.filter((a) => a.id !== id);
    }),
    applicationTimeline: vi.fn(async () => []),
    listReviewItems: vi.fn(async (includeDecided: boolean) =>
      db.review.filter((r) => includeDecided || r.state === "pending"),
    ),
    acceptReviewItem: vi.fn(async (id: number) => {
      const item = db.review.find((r) => r.id === id)!;
      item.state = "accepted";
      return item;
    }),
    rejectReviewItem: vi.fn(),
    listEmails: vi.fn(async () => [...db.emails]),
    getEmail: vi.fn(async (id: number) => email({ ...db.emails.find((e) => e.id === id), id })),
    pickEmailFiles: vi.fn(async () => []),
    onImportProgress: vi.fn(async () => () => {}),
    importEmails: vi.fn(),
    analyzeEmail: vi.fn(),
    relabelEmail: vi.fn(),
    getCalibration: vi.fn(async () => []),
    getProfile: vi.fn(async () => ({
      name: "", headline: "", skills: [], yearsExperience: null, experience: "", locations: [],
      remote: false, desiredRoles: [], minSalary: null, updatedAt: null,
    })),
    saveProfile: vi.fn(),
    runJobMatch: vi.fn(),
    listFollowUpsDue: vi.fn(async () => []),
    runFollowUp: vi.fn(),
    getSettings: vi.fn(async () => db.settings),
    setProviderSettings: vi.fn(),
    setAgentConfig: vi.fn(),
    getKeyStatus: vi.fn(async (provider: string) => ({ provider, stored: false, last4: null })),
    getTrayState: vi.fn(async () => ({ title: "$0.00 / $1.00", detail: "Today: $0.00 of $1.00 (0 %)", level: "normal", paused: false })),
    setAgentsPaused: vi.fn(async (paused: boolean) => ({ title: "$0.00 / $1.00", detail: "", level: "normal", paused })),
    onTrayChanged: vi.fn(async () => () => {}),
    onNoticeShown: vi.fn(async () => () => {}),
    getMonitoringHealth: vi.fn(async () => ({ rows: { executions: db.executions } })),
    listPrices: vi.fn(async () => []),
    listMailAccounts: vi.fn(async () => []),
    getTelemetryStatus: vi.fn(async () => (await import("../test/fixtures")).telemetryStatus()),
    getMailSyncStatus: vi.fn(async () => ({ running: false, lastRunAt: null, lastReports: [], lastError: null, accounts: 0, idleAccounts: [] })),
    onMailSyncStarted: vi.fn(async () => () => {}),
    onMailSyncProgress: vi.fn(async () => () => {}),
    onMailSyncFinished: vi.fn(async () => () => {}),
  },
}));

const { App } = await import("./App");
const { backend } = await import("../backend");

beforeEach(() => {
  db.apps = [];
  db.nextId = 1;
  db.review = [];
  db.emails = [];
  db.settings = defaultSettings();
  db.executions = 0;
});

describe("applications", () => {
  it("shows an empty state that invites the first application", async () => {
    render(<App />);
    expect(await screen.findByTestId("empty-state")).toHaveTextContent("No applications yet");
  });

  it("adds an application and lists it", async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("add-open"));
    await user.type(screen.getByTestId("input-company"), "Acme");
    await user.type(screen.getByTestId("input-role"), "Rust Engineer");
    await user.click(screen.getByTestId("add-submit"));
    const row = await screen.findByTestId("application-row");
    expect(row).toHaveTextContent("Acme");
    expect(row).toHaveTextContent("Rust Engineer");
    expect(backend.addApplication).toHaveBeenCalledWith(expect.objectContaining({ company: "Acme", role: "Rust Engineer" }));
  });

  it("names the missing fields next to them and sends nothing", async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("add-open"));
    vi.mocked(backend.addApplication).mockClear();
    await user.click(screen.getByTestId("add-submit"));
    expect(screen.getByText("Company is required")).toBeInTheDocument();
    expect(screen.getByText("Role is required")).toBeInTheDocument();
    expect(backend.addApplication).not.toHaveBeenCalled();
  });

  it("shows a backend error without losing what was typed", async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("add-open"));
    await user.type(screen.getByTestId("input-company"), "fail Inc");
    await user.type(screen.getByTestId("input-role"), "Dev");
    await user.click(screen.getByTestId("add-submit"));
    expect(await screen.findByText("disk is read-only")).toBeInTheDocument();
    expect(screen.getByTestId("input-company")).toHaveValue("fail Inc");
  });

  it("searches and sorts the table, and moves cards on the board by drag or keyboard", async () => {
    const base = { source: null, url: null, location: null, notes: "", createdAt: 0 };
    db.apps = [
      { ...base, id: 1, company: "Globex", role: "SRE", status: "applied", updatedAt: 3 },
      { ...base, id: 2, company: "acme", role: "Rust Engineer", status: "interview", updatedAt: 2 },
      { ...base, id: 3, company: "Initech", role: "Backend Engineer", status: "saved", updatedAt: 1, location: "Berlin" },
    ];
    const user = userEvent.setup();
    render(<App />);
    await screen.findAllByTestId("application-row");
    const companies = () => screen.getAllByTestId("application-row").map((r) => r.querySelector(".company")!.textContent);
    expect(companies()).toEqual(["Globex", "acme", "Initech"]);
    await user.click(screen.getByTestId("sort-company"));
    expect(companies()).toEqual(["acme", "Globex", "Initech"]);
    expect(screen.getByTestId("sort-company").closest("th")).toHaveAttribute("aria-sort", "ascending");
    await user.click(screen.getByTestId("sort-company"));
    expect(companies()).toEqual(["Initech", "Globex", "acme"]);
    await user.type(screen.getByTestId("apps-search"), "engineer berlin");
    expect(companies()).toEqual(["Initech"]);
    await user.clear(screen.getByTestId("apps-search"));
    await user.type(screen.getByTestId("apps-search"), "nothing like this");
    expect(screen.getByTestId("no-matches")).toBeInTheDocument();
    await user.clear(screen.getByTestId("apps-search"));

    await user.click(screen.getByTestId("layout-board"));
    const column = (s: string) => screen.getByTestId(`board-column-${s}`);
    expect(within(column("interview")).getByText("acme")).toBeInTheDocument();
    // Drag Globex from applied to offer.
    const card = within(column("applied")).getByTestId("board-card");
    const data = new Map<string, string>();
    const dataTransfer = { setData: (k: string, v: string) => data.set(k, v), getData: (k: string) => data.get(k) ?? "", effectAllowed: "", dropEffect: "" };
    fireEvent.dragStart(card, { dataTransfer });
    fireEvent.dragOver(column("offer"), { dataTransfer });
    fireEvent.drop(column("offer"), { dataTransfer });
    expect(backend.setApplicationStatus).toHaveBeenCalledWith(1, "offer");
    expect(await within(column("offer")).findByText("Globex")).toBeInTheDocument();
    // Ctrl+→ moves Initech from saved to applied.
    const initech = within(column("saved")).getByTestId("board-card");
    initech.focus();
    await user.keyboard("{Control>}{ArrowRight}{/Control}");
    expect(backend.setApplicationStatus).toHaveBeenCalledWith(3, "applied");
    expect(await within(column("applied")).findByText("Initech")).toBeInTheDocument();
  });

  it("changes status and deletes only after confirmation", async () => {
    db.apps = [{ id: 7, company: "Globex", role: "SRE", status: "applied", source: null, url: null, location: null, notes: "", createdAt: 0, updatedAt: 0 }];
    const user = userEvent.setup();
    render(<App />);
    const select = await screen.findByTestId("status-select");
    await user.selectOptions(select, "interview");
    expect(backend.setApplicationStatus).toHaveBeenCalledWith(7, "interview");

    await user.click(screen.getByTestId("delete-button"));
    const dialog = screen.getByTestId("confirm-dialog");
    await user.click(within(dialog).getByText("Cancel"));
    expect(backend.deleteApplication).not.toHaveBeenCalled();
    expect(screen.getByTestId("application-row")).toBeInTheDocument();

    await user.click(screen.getByTestId("delete-button"));
    await user.click(screen.getByTestId("confirm-button"));
    await waitFor(() => expect(screen.queryByTestId("application-row")).not.toBeInTheDocument());
    expect(backend.deleteApplication).toHaveBeenCalledWith(7);
    expect(await screen.findByTestId("empty-state")).toBeInTheDocument();
  });
});

describe("navigation", () => {
  it("marks the current view and switches views", async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByTestId("empty-state");
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).getByTestId("nav-applications")).toHaveAttribute("aria-current", "page");

    await user.click(screen.getByTestId("nav-inbox"));
    expect(screen.getByTestId("nav-inbox")).toHaveAttribute("aria-current", "page");
    expect(screen.getByTestId("nav-applications")).not.toHaveAttribute("aria-current");
    expect(await screen.findByTestId("inbox-empty")).toBeVisible();
    expect(screen.getByTestId("empty-state")).not.toBeVisible();

    await user.click(screen.getByTestId("nav-profile"));
    expect(await screen.findByTestId("profile-form")).toBeVisible();
    expect(screen.getByTestId("inbox-empty")).not.toBeVisible();
  });

  it("opens on the dashboard once agents have run, without loading the applications", async () => {
    db.executions = 3;
    vi.mocked(backend.listApplications).mockClear();
    render(<App />);
    await waitFor(() => expect(screen.getByTestId("nav-dashboard")).toHaveAttribute("aria-current", "page"));
    expect(backend.listApplications).not.toHaveBeenCalled();
  });

  it("can be used with the keyboard", async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByTestId("empty-state");
    screen.getByTestId("nav-applications").focus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByTestId("nav-inbox")).toHaveFocus();
    await user.keyboard("{End}");
    expect(screen.getByTestId("nav-settings")).toHaveFocus();
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByTestId("nav-eval")).toHaveFocus();
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByTestId("nav-profile")).toHaveFocus();
    await user.keyboard("{ArrowLeft}{Enter}");
    expect(screen.getByTestId("nav-review")).toHaveAttribute("aria-current", "page");
    expect(await screen.findByTestId("review-empty")).toBeVisible();
  });

  it("badges Review with the pending count and updates it after a decision", async () => {
    db.review = [reviewItem({ id: 1 }), reviewItem({ id: 2, company: "Globex" }), reviewItem({ id: 3, state: "rejected" })];
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByTestId("review-badge")).toHaveTextContent(/^2$/);
    expect(screen.getByTestId("nav-review")).toHaveAccessibleName("Review, 2 pending");

    await user.click(screen.getByTestId("nav-review"));
    const [first] = await screen.findAllByTestId("review-item");
    await user.click(within(first!).getByTestId("review-accept"));
    await waitFor(() => expect(screen.getByTestId("review-badge")).toHaveTextContent(/^1$/));

    await user.click(within(screen.getByTestId("review-item")).getByTestId("review-accept"));
    await waitFor(() => expect(screen.queryByTestId("review-badge")).not.toBeInTheDocument());
  });

  it("shows only the store error when the data cannot be opened", async () => {
    vi.mocked(backend.appInfo).mockResolvedValueOnce({
      version: "0.1.0", dataDir: null, database: null,
      storeError: { code: "store_unavailable", message: "the database is from a newer Jobtrail" },
    });
    render(<App />);
    expect(await screen.findByTestId("store-error")).toHaveTextContent("the database is from a newer Jobtrail");
    expect(screen.queryByRole("navigation")).not.toBeInTheDocument();
  });
});

describe("settings", () => {
  it("opens from the nav with the stored settings", async () => {
    db.settings = { ...defaultSettings(), provider: { provider: "ollama", baseUrl: "http://localhost:11434/v1" } };
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("nav-settings"));
    expect(screen.getByTestId("nav-settings")).toHaveAttribute("aria-current", "page");
    expect(await screen.findByLabelText("Base URL")).toHaveValue("http://localhost:11434/v1");
    expect(screen.getByTestId("agent-config-email-analyst")).toBeVisible();
  });

  it("says when an analysis is refused because the agent is turned off, and leads to its settings", async () => {
    db.emails = [emailSummary({ id: 3, subject: "Interview invitation" })];
    db.settings = { ...defaultSettings(), agents: [agentConfig("email-analyst", { enabled: false }), agentConfig("job-match"), agentConfig("follow-up")] };
    vi.mocked(backend.analyzeEmail).mockRejectedValueOnce({
      code: "invalid_input",
      field: "agent",
      message: "agent email-analyst is turned off in the agent settings",
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("nav-inbox"));
    await user.click(await screen.findByTestId("analyse-button"));

    const error = await screen.findByTestId("analysis-error");
    expect(error).toHaveTextContent("Could not analyse this email: agent email-analyst is turned off in the agent settings");
    expect(error).toBeVisible();

    await user.click(within(error).getByTestId("open-settings"));
    expect(screen.getByTestId("nav-settings")).toHaveAttribute("aria-current", "page");
    const card = await screen.findByTestId("agent-config-email-analyst");
    expect(card).toBeVisible();
    expect(within(card).getByText("Turned off")).toBeInTheDocument();
    await waitFor(() => expect(within(card).getByLabelText("Enabled")).toHaveFocus());
    expect(within(card).getByLabelText("Enabled")).not.toBeChecked();
    expect(screen.getByTestId("analysis-error")).not.toBeVisible();
  });

  it("offers no settings link for errors the settings cannot fix", async () => {
    db.emails = [emailSummary({ id: 3 })];
    vi.mocked(backend.analyzeEmail).mockRejectedValueOnce({ code: "not_found", message: "no email with id 3" });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("nav-inbox"));
    await user.click(await screen.findByTestId("analyse-button"));
    const error = await screen.findByTestId("analysis-error");
    expect(error).toHaveTextContent("no email with id 3");
    expect(within(error).queryByTestId("open-settings")).not.toBeInTheDocument();
  });
});
