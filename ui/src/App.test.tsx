import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Application } from "./types";

// The UI reaches Rust only through ./backend; an in-memory fake stands in for it.
const db: { apps: Application[]; nextId: number } = { apps: [], nextId: 1 };
vi.mock("./backend", () => ({
  toIpcError: (e: unknown) => e,
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
  },
}));

const { App } = await import("./App");
const { backend } = await import("./backend");

beforeEach(() => {
  db.apps = [];
  db.nextId = 1;
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
