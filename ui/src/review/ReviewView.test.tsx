import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { explanationView, reviewItem } from "../test/fixtures";
import type { Calibration } from "../types";

vi.mock("../backend", () => ({
  backend: {
    listReviewItems: vi.fn(),
    acceptReviewItem: vi.fn(),
    rejectReviewItem: vi.fn(),
    getExplanation: vi.fn(),
    getCalibration: vi.fn(),
  },
}));

const { backend } = await import("../backend");
const { ReviewView } = await import("./ReviewView");

const offer = reviewItem({ id: 1, company: "Acme", currentStatus: "interview", proposedStatus: "offer", emailSubject: "Good news from Acme", executionId: 42 });
const newApp = reviewItem({ id: 2, kind: "new_application", applicationId: null, company: "Globex", role: "SRE", currentStatus: null, proposedStatus: "applied", reason: "A confirmation from a company you do not track yet.", confidence: 0.6 });

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(backend.listReviewItems).mockImplementation(async (includeDecided) =>
    includeDecided ? [offer, newApp, reviewItem({ id: 3, company: "Initech", state: "rejected", decidedAt: Date.UTC(2025, 2, 5) })] : [offer, newApp],
  );
  vi.mocked(backend.getCalibration).mockResolvedValue([]);
});

const band = (from: number, decisions: number, corrected: number, meanConfidence: number | null) => ({
  from,
  to: from + 0.2,
  decisions,
  corrected,
  accuracy: decisions > 0 ? (decisions - corrected) / decisions : null,
  meanConfidence,
});
const analyst = (over: Partial<Calibration> = {}): Calibration => ({
  agent: "email-analyst",
  decisions: 5,
  corrected: 1,
  correctedShare: 0.2,
  bands: [band(0, 0, 0, null), band(0.2, 0, 0, null), band(0.4, 1, 1, 0.5), band(0.6, 4, 0, 0.72), band(0.8, 0, 0, null)],
  ...over,
});

describe("review queue", () => {
  it("opens the explanation of the run that proposed an item", async () => {
    vi.mocked(backend.getExplanation).mockResolvedValue(explanationView({ executionId: 42, decision: "An offer from Acme" }));
    const user = userEvent.setup();
    render(<ReviewView />);
    const items = await screen.findAllByTestId("review-item");
    await user.click(within(items[0]!).getByTestId("review-why"));
    const panel = await screen.findByTestId("explanation");
    expect(backend.getExplanation).toHaveBeenCalledWith(42);
    expect(await within(panel).findByText(/An offer from Acme/)).toBeInTheDocument();
  });

  it("shows what each item proposes, why, and where it came from", async () => {
    render(<ReviewView />);
    const items = await screen.findAllByTestId("review-item");
    expect(items).toHaveLength(2);
    expect(backend.listReviewItems).toHaveBeenCalledWith(false);
    expect(within(items[0]!).getByTestId("review-proposal")).toHaveTextContent("Acme · Rust Engineer — interview → offer");
    expect(items[0]).toHaveTextContent("The email says an offer is on its way.");
    expect(items[0]).toHaveTextContent("72% confident");
    expect(items[0]).toHaveTextContent("from email “Good news from Acme”");
    expect(items[0]).toHaveTextContent("execution #42");
    expect(within(items[1]!).getByTestId("review-proposal")).toHaveTextContent("New application Globex — SRE as applied");
  });

  it("accepts an item, then it leaves the queue", async () => {
    vi.mocked(backend.acceptReviewItem).mockResolvedValue({ ...offer, state: "accepted", decidedAt: Date.now() });
    const onChanged = vi.fn();
    const user = userEvent.setup();
    render(<ReviewView onChanged={onChanged} />);
    const [first] = await screen.findAllByTestId("review-item");
    await user.click(within(first!).getByTestId("review-accept"));
    expect(backend.acceptReviewItem).toHaveBeenCalledWith(1);
    await waitFor(() => expect(screen.getAllByTestId("review-item")).toHaveLength(1));
    expect(screen.getByTestId("review-item")).toHaveTextContent("Globex");
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it("rejects an item, then the queue is empty", async () => {
    vi.mocked(backend.listReviewItems).mockResolvedValue([newApp]);
    vi.mocked(backend.rejectReviewItem).mockResolvedValue({ ...newApp, state: "rejected", decidedAt: Date.now() });
    const user = userEvent.setup();
    render(<ReviewView />);
    await user.click(await screen.findByTestId("review-reject"));
    expect(backend.rejectReviewItem).toHaveBeenCalledWith(2);
    expect(backend.acceptReviewItem).not.toHaveBeenCalled();
    expect(await screen.findByTestId("review-empty")).toBeInTheDocument();
    expect(screen.queryByTestId("review-item")).not.toBeInTheDocument();
  });

  it("keeps the item and shows the error inline when a decision fails", async () => {
    vi.mocked(backend.acceptReviewItem).mockRejectedValue({ code: "not_found", message: "application 1 no longer exists" });
    const onChanged = vi.fn();
    const user = userEvent.setup();
    render(<ReviewView onChanged={onChanged} />);
    const [first] = await screen.findAllByTestId("review-item");
    await user.click(within(first!).getByTestId("review-accept"));
    expect(await within(first!).findByTestId("review-error")).toHaveTextContent("application 1 no longer exists");
    expect(screen.getAllByTestId("review-item")).toHaveLength(2);
    expect(within(first!).getByTestId("review-accept")).toBeEnabled();
    expect(onChanged).not.toHaveBeenCalled();
  });

  it("lists decided items with their state when asked", async () => {
    const user = userEvent.setup();
    render(<ReviewView />);
    await screen.findAllByTestId("review-item");
    await user.click(screen.getByTestId("review-show-decided"));
    await waitFor(() => expect(screen.getAllByTestId("review-item")).toHaveLength(3));
    expect(backend.listReviewItems).toHaveBeenLastCalledWith(true);
    const decided = screen.getAllByTestId("review-item")[2]!;
    expect(within(decided).getByTestId("review-state")).toHaveTextContent("Rejected");
    expect(within(decided).queryByTestId("review-accept")).not.toBeInTheDocument();
  });

  it("says when there is nothing to review", async () => {
    vi.mocked(backend.listReviewItems).mockResolvedValue([]);
    render(<ReviewView />);
    expect(await screen.findByTestId("review-empty")).toHaveTextContent("Nothing to review");
  });
});

describe("calibration", () => {
  it("shows, per agent, how often decisions were corrected by stated confidence", async () => {
    vi.mocked(backend.getCalibration).mockResolvedValue([analyst()]);
    render(<ReviewView />);
    const section = await screen.findByTestId("calibration");
    expect(within(section).getByRole("heading", { name: "How the agents did" })).toBeInTheDocument();
    const caption = await within(section).findByTestId("calibration-caption");
    expect(caption).toHaveTextContent("email-analyst — 5 decisions, 1 corrected (20%)");
    const rows = within(section).getAllByTestId("calibration-row");
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getAllByRole("cell").map((c) => c.textContent)).toEqual(["1", "0%", "50%"]);
    expect(rows[0]).toHaveTextContent("stated 40–60 %");
    expect(rows[1]).toHaveTextContent("stated 60–80 %");
    expect(within(rows[1]!).getAllByRole("cell").map((c) => c.textContent)).toEqual(["4", "100%", "72%"]);
  });

  it("says when no decision has been explained yet", async () => {
    render(<ReviewView />);
    expect(await screen.findByTestId("calibration-empty")).toHaveTextContent("No explained decisions yet.");
  });

  it("shows why it could not load, and tries again", async () => {
    vi.mocked(backend.getCalibration).mockRejectedValueOnce({ code: "store_unavailable", message: "database is locked" });
    const user = userEvent.setup();
    render(<ReviewView />);
    const error = await screen.findByTestId("calibration-error");
    expect(error).toHaveTextContent("database is locked");
    await user.click(within(error).getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("calibration-empty")).toBeInTheDocument();
  });

  it("loads again after a rejection, which counts against the agent", async () => {
    vi.mocked(backend.listReviewItems).mockResolvedValue([newApp]);
    vi.mocked(backend.rejectReviewItem).mockResolvedValue({ ...newApp, state: "rejected", decidedAt: Date.now() });
    vi.mocked(backend.getCalibration)
      .mockResolvedValueOnce([analyst({ decisions: 1, corrected: 0, correctedShare: 0 })])
      .mockResolvedValueOnce([analyst({ decisions: 1, corrected: 1, correctedShare: 1 })]);
    const user = userEvent.setup();
    render(<ReviewView />);
    expect(await screen.findByTestId("calibration-caption")).toHaveTextContent("0 corrected (0%)");
    expect(backend.getCalibration).toHaveBeenCalledTimes(1);
    await user.click(await screen.findByTestId("review-reject"));
    await waitFor(() => expect(screen.getByTestId("calibration-caption")).toHaveTextContent("1 corrected (100%)"));
    expect(backend.getCalibration).toHaveBeenCalledTimes(2);
  });
});
