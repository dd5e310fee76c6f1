import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { application } from "../test/fixtures";
import type { Application } from "../types";

vi.mock("../backend", () => ({
  backend: {
    listApplications: vi.fn(),
    setApplicationStatus: vi.fn(),
    deleteApplication: vi.fn(),
    addApplication: vi.fn(),
    applicationTimeline: vi.fn(),
  },
}));

const { backend } = await import("../backend");
const { ApplicationsView } = await import("./ApplicationsView");

let stored: Application[] = [];

beforeEach(() => {
  vi.resetAllMocks();
  stored = [application({ id: 7, company: "Acme", status: "applied" }), application({ id: 8, company: "Globex", status: "applied" })];
  vi.mocked(backend.listApplications).mockImplementation(async () => stored);
});

describe("application board", () => {
  it("keeps a card moved with Ctrl+arrow focused in its new column, one move at a time", async () => {
    let answer: () => void = () => {};
    vi.mocked(backend.setApplicationStatus).mockImplementation(
      (id, status) =>
        new Promise((resolve) => {
          answer = () => {
            stored = stored.map((a) => (a.id === id ? { ...a, status } : a));
            resolve(stored.find((a) => a.id === id)!);
          };
        }),
    );
    const user = userEvent.setup();
    render(<ApplicationsView />);
    await user.click(await screen.findByTestId("layout-board"));
    const card = within(screen.getByTestId("board-column-applied")).getByRole("listitem", { name: /Acme/ });
    card.focus();

    // Held down: the repeats while the first move is stored are ignored.
    await user.keyboard("{Control>}{ArrowRight}{ArrowRight}{ArrowRight}{/Control}");
    expect(backend.setApplicationStatus).toHaveBeenCalledTimes(1);
    expect(backend.setApplicationStatus).toHaveBeenCalledWith(7, "screening");

    await act(async () => answer());
    const moved = await within(screen.getByTestId("board-column-screening")).findByRole("listitem", { name: /Acme/ });
    await waitFor(() => expect(moved).toHaveFocus());

    // Once landed, the next press moves it on, from where it is now.
    await user.keyboard("{Control>}{ArrowLeft}{/Control}");
    expect(backend.setApplicationStatus).toHaveBeenCalledTimes(2);
    expect(backend.setApplicationStatus).toHaveBeenLastCalledWith(7, "applied");
  });
});
