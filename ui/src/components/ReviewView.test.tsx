import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { explanationView, reviewItem } from "../test/fixtures";

vi.mock("../backend", () => ({
  backend: {
    listReviewItems: vi.fn(),
    acceptReviewItem: vi.fn(),
    rejectReviewItem: vi.fn(),
    getExplanation: vi.fn(),
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
