import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { application, explanationView, statusChange } from "../test/fixtures";

vi.mock("../backend", () => ({
  backend: {
    listApplications: vi.fn(),
    applicationTimeline: vi.fn(),
    setApplicationStatus: vi.fn(),
    deleteApplication: vi.fn(),
    addApplication: vi.fn(),
    getExplanation: vi.fn(),
    pickExplanationPath: vi.fn(),
    exportExplanation: vi.fn(),
  },
}));

const { backend } = await import("../backend");
const { ApplicationsView } = await import("./ApplicationsView");

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(backend.listApplications).mockResolvedValue([application({ id: 7, company: "Acme", role: "Rust Engineer", status: "interview" })]);
  // Newest first, as a store might return it: the panel shows it oldest first.
  vi.mocked(backend.applicationTimeline).mockResolvedValue([
    statusChange({ id: 2, from: "applied", to: "interview", at: Date.UTC(2025, 2, 3), origin: "agent", note: "Interview invite", emailId: 11, emailSubject: "Interview with Acme", executionId: 42 }),
    statusChange({ id: 1, from: null, to: "applied", at: Date.UTC(2025, 1, 1), origin: "user", note: "Applied on the website", emailId: null, emailSubject: null, executionId: null }),
  ]);
});

describe("application timeline", () => {
  it("lists changes oldest first with the provenance of agent changes", async () => {
    const user = userEvent.setup();
    render(<ApplicationsView />);
    await user.click(await screen.findByTestId("timeline-button"));
    const timeline = await screen.findByTestId("timeline");
    expect(backend.applicationTimeline).toHaveBeenCalledWith(7);

    const entries = await within(timeline).findAllByTestId("timeline-entry");
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent("created as applied");
    expect(entries[0]).toHaveTextContent("You");
    expect(entries[0]).toHaveTextContent("Applied on the website");
    expect(within(entries[0]!).queryByTestId("provenance")).not.toBeInTheDocument();

    expect(entries[1]).toHaveTextContent("applied → interview");
    expect(entries[1]).toHaveTextContent("Agent");
    const provenance = within(entries[1]!).getByTestId("provenance");
    expect(provenance).toHaveTextContent("from email “Interview with Acme”");
    expect(provenance).toHaveTextContent("execution #42");
  });

  it("closes with Escape and with the close button", async () => {
    const user = userEvent.setup();
    render(<ApplicationsView />);
    await user.click(await screen.findByTestId("timeline-button"));
    expect(await screen.findByTestId("timeline")).toBeInTheDocument();
    expect(screen.getByTestId("timeline-close")).toHaveFocus();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("timeline")).not.toBeInTheDocument());
    expect(screen.getByTestId("timeline-button")).toHaveFocus();

    await user.click(screen.getByTestId("timeline-button"));
    await user.click(await screen.findByTestId("timeline-close"));
    expect(screen.queryByTestId("timeline")).not.toBeInTheDocument();
  });

  it("opens an agent change's explanation over the timeline; Escape closes one dialog at a time", async () => {
    vi.mocked(backend.getExplanation).mockResolvedValue(explanationView({ executionId: 42, decision: "Moved to interview" }));
    const user = userEvent.setup();
    render(<ApplicationsView />);
    await user.click(await screen.findByTestId("timeline-button"));
    const timeline = await screen.findByTestId("timeline");
    const entries = await within(timeline).findAllByTestId("timeline-entry");
    // Only the agent change has an execution to explain.
    expect(within(entries[0]!).queryByTestId("timeline-why")).not.toBeInTheDocument();
    const why = within(entries[1]!).getByTestId("timeline-why");

    await user.click(why);
    const panel = await screen.findByTestId("explanation");
    expect(backend.getExplanation).toHaveBeenCalledWith(42);
    expect(await within(panel).findByTestId("explanation-decision")).toHaveTextContent("Moved to interview");
    expect(within(panel).getByTestId("explanation-close")).toHaveFocus();

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("explanation")).not.toBeInTheDocument());
    expect(screen.getByTestId("timeline")).toBeInTheDocument();
    expect(why).toHaveFocus();

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("timeline")).not.toBeInTheDocument());
    expect(screen.getByTestId("timeline-button")).toHaveFocus();
  });

  it("keeps the timeline open when the explanation's backdrop is clicked", async () => {
    vi.mocked(backend.getExplanation).mockResolvedValue(explanationView());
    const user = userEvent.setup();
    render(<ApplicationsView />);
    await user.click(await screen.findByTestId("timeline-button"));
    await user.click(await screen.findByTestId("timeline-why"));
    const panel = await screen.findByTestId("explanation");
    await user.click(panel.parentElement!);
    expect(screen.queryByTestId("explanation")).not.toBeInTheDocument();
    expect(screen.getByTestId("timeline")).toBeInTheDocument();
  });

  it("shows a history that could not be loaded", async () => {
    vi.mocked(backend.applicationTimeline).mockRejectedValue({ code: "not_found", message: "no application with id 7" });
    const user = userEvent.setup();
    render(<ApplicationsView />);
    await user.click(await screen.findByTestId("timeline-button"));
    expect(await within(screen.getByTestId("timeline")).findByRole("alert")).toHaveTextContent("no application with id 7");
  });
});
