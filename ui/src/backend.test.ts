// The backend module against mocked Tauri APIs: the generated commands call `invoke`,
// the generated events call `listen`, and the exports open the dialog plugin's save dialog.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { execution } from "./test/fixtures";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(), once: vi.fn(), emit: vi.fn(), emitTo: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => ({ save: vi.fn(), open: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { listen } = await import("@tauri-apps/api/event");
const { save, open } = await import("@tauri-apps/plugin-dialog");
const { backend } = await import("./backend");

const done = (path: string) => ({ path, bytes: 1234 });

beforeEach(() => {
  vi.resetAllMocks();
});

describe("commands", () => {
  it("call the generated command with its arguments and resolve to its result", async () => {
    vi.mocked(invoke).mockResolvedValue([]);
    await expect(backend.listApplications()).resolves.toEqual([]);
    expect(invoke).toHaveBeenCalledWith("list_applications");
  });

  it("send an absent note as null", async () => {
    vi.mocked(invoke).mockResolvedValue({});
    await backend.setApplicationStatus(3, "offer");
    expect(invoke).toHaveBeenCalledWith("set_application_status", { id: 3, status: "offer", note: null });
  });

  it("resolve commands without a result to undefined", async () => {
    vi.mocked(invoke).mockResolvedValue(null);
    await expect(backend.deleteApplication(3)).resolves.toBeUndefined();
    await expect(backend.removePrice("gpt-4o")).resolves.toBeUndefined();
    expect(invoke).toHaveBeenCalledWith("delete_application", { id: 3 });
    expect(invoke).toHaveBeenCalledWith("remove_price", { model: "gpt-4o" });
  });

  it("send absent optional arguments as null", async () => {
    vi.mocked(invoke).mockResolvedValue({});
    await backend.getPerformanceSummary();
    await backend.getAgentCosts("job-match");
    await backend.getErrorStats(24);
    expect(invoke).toHaveBeenCalledWith("get_performance_summary", { periodHours: null });
    expect(invoke).toHaveBeenCalledWith("get_agent_costs", { agentName: "job-match", periodHours: null });
    expect(invoke).toHaveBeenCalledWith("get_error_stats", { sinceHours: 24 });
  });

  it("spread alert overrides and error filters over the command's arguments", async () => {
    vi.mocked(invoke).mockResolvedValue([]);
    await backend.getPerformanceAlerts({ maxErrorRate: 5 });
    await backend.listErrors({ category: "rate_limit", minSeverity: "high", limit: 20 });
    await backend.listErrors();
    expect(invoke).toHaveBeenCalledWith("get_performance_alerts", {
      maxErrorRate: 5,
      maxAvgExecutionTime: null,
      maxP95ExecutionTime: null,
      maxAvgCost: null,
    });
    expect(invoke).toHaveBeenCalledWith("list_errors", {
      sinceHours: null,
      category: "rate_limit",
      minSeverity: "high",
      executionId: null,
      limit: 20,
    });
    expect(invoke).toHaveBeenCalledWith("list_errors", {
      sinceHours: null,
      category: null,
      minSeverity: null,
      executionId: null,
      limit: null,
    });
  });

  it("pass an IpcError a command rejects with on unchanged", async () => {
    const refused = { code: "invalid_input", message: "Budget must be positive", field: "budget" };
    vi.mocked(invoke).mockRejectedValue(refused);
    await expect(backend.setBudget(-1)).rejects.toEqual(refused);
  });

  it("turn anything else a command rejects with into an internal IpcError", async () => {
    vi.mocked(invoke).mockRejectedValue("command get_key_status not found");
    await expect(backend.getKeyStatus("openai")).rejects.toEqual({
      code: "internal",
      message: "command get_key_status not found",
    });
  });
});

describe("exports", () => {
  it("exportMetrics asks where to save in the chosen format, then exports there", async () => {
    vi.mocked(save).mockResolvedValue("/home/me/metrics.csv");
    vi.mocked(invoke).mockResolvedValue(done("/home/me/metrics.csv"));

    await expect(backend.exportMetrics("csv", "email-analyst", 24)).resolves.toEqual(done("/home/me/metrics.csv"));

    expect(save).toHaveBeenCalledWith({
      defaultPath: "metrics-email-analyst.csv",
      filters: [{ name: "CSV", extensions: ["csv"] }],
    });
    expect(invoke).toHaveBeenCalledWith("export_metrics", {
      path: "/home/me/metrics.csv",
      agentName: "email-analyst",
      periodHours: 24,
      format: "csv",
    });
  });

  it("exportMetrics suggests a name for every agent, and a safe one for odd agent names", async () => {
    vi.mocked(save).mockResolvedValue("/tmp/m.json");
    vi.mocked(invoke).mockResolvedValue(done("/tmp/m.json"));

    await backend.exportMetrics("json");
    await backend.exportMetrics("json", "../my agent");

    expect(vi.mocked(save).mock.calls.map(([o]) => o?.defaultPath)).toEqual(["metrics.json", "metrics-.._my_agent.json"]);
    expect(invoke).toHaveBeenCalledWith("export_metrics", { path: "/tmp/m.json", agentName: null, periodHours: null, format: "json" });
  });

  it("exportCosts asks where to save, then exports there", async () => {
    vi.mocked(save).mockResolvedValue("/home/me/costs.json");
    vi.mocked(invoke).mockResolvedValue(done("/home/me/costs.json"));

    await expect(backend.exportCosts("json", 720)).resolves.toEqual(done("/home/me/costs.json"));

    expect(save).toHaveBeenCalledWith({ defaultPath: "costs.json", filters: [{ name: "JSON", extensions: ["json"] }] });
    expect(invoke).toHaveBeenCalledWith("export_costs", { path: "/home/me/costs.json", periodHours: 720, format: "json" });
  });

  it("exportErrors saves JSON", async () => {
    vi.mocked(save).mockResolvedValue("/home/me/errors.json");
    vi.mocked(invoke).mockResolvedValue(done("/home/me/errors.json"));

    await expect(backend.exportErrors()).resolves.toEqual(done("/home/me/errors.json"));

    expect(save).toHaveBeenCalledWith({ defaultPath: "errors.json", filters: [{ name: "JSON", extensions: ["json"] }] });
    expect(invoke).toHaveBeenCalledWith("export_errors", { path: "/home/me/errors.json", sinceHours: null });
  });

  it.each([
    ["metrics", () => backend.exportMetrics("csv")],
    ["costs", () => backend.exportCosts("csv")],
    ["errors", () => backend.exportErrors()],
  ])("a cancelled dialog exports no %s and resolves to null", async (_, exportIt) => {
    vi.mocked(save).mockResolvedValue(null);
    await expect(exportIt()).resolves.toBeNull();
    expect(invoke).not.toHaveBeenCalled();
  });

  it("a failing dialog rejects with an IpcError and exports nothing", async () => {
    vi.mocked(save).mockRejectedValue("dialog plugin not allowed");
    await expect(backend.exportCosts("csv")).rejects.toEqual({ code: "internal", message: "dialog plugin not allowed" });
    expect(invoke).not.toHaveBeenCalled();
  });

  it("a refused export rejects with the command's IpcError", async () => {
    const refused = { code: "invalid_input", message: "cannot create /ro/costs.csv: read-only", field: "path" };
    vi.mocked(save).mockResolvedValue("/ro/costs.csv");
    vi.mocked(invoke).mockRejectedValue(refused);
    await expect(backend.exportCosts("csv")).rejects.toEqual(refused);
  });

  it("a framework failure during an export becomes an internal IpcError", async () => {
    vi.mocked(save).mockResolvedValue("/tmp/errors.json");
    vi.mocked(invoke).mockRejectedValue("IPC channel closed");
    await expect(backend.exportErrors(24)).rejects.toEqual({ code: "internal", message: "IPC channel closed" });
  });

  it("pickExplanationPath still suggests a file per format", async () => {
    vi.mocked(save).mockResolvedValue(null);
    await expect(backend.pickExplanationPath(42, "plain_text")).resolves.toBeNull();
    expect(save).toHaveBeenCalledWith({ defaultPath: "explanation-42.txt", filters: [{ name: "Text", extensions: ["txt"] }] });
  });
});

describe("pickEmailFiles", () => {
  it("returns the picked files, or none when cancelled", async () => {
    vi.mocked(open).mockResolvedValueOnce(["/mail/a.eml", "/mail/b.mbox"]).mockResolvedValueOnce(null);
    await expect(backend.pickEmailFiles()).resolves.toEqual(["/mail/a.eml", "/mail/b.mbox"]);
    await expect(backend.pickEmailFiles()).resolves.toEqual([]);
  });
});

describe("events", () => {
  /** Makes `listen` hand out the handler it was given, and returns a way to fire it. */
  function captureListener() {
    const unlisten = vi.fn();
    let handler: Parameters<typeof listen>[1] | undefined;
    vi.mocked(listen).mockImplementation(async (_name, h) => {
      handler = h;
      return unlisten;
    });
    const fire = (event: string, payload: unknown) => handler?.({ event, id: 1, payload });
    return { unlisten, fire };
  }

  it("onImportProgress passes on each event's progress until unlistened", async () => {
    const { unlisten, fire } = captureListener();
    const cb = vi.fn();
    const stop = await backend.onImportProgress(cb);
    expect(listen).toHaveBeenCalledWith("import-progress", expect.any(Function));
    fire("import-progress", { progress: { file: 1, messages: 250 } });
    expect(cb).toHaveBeenCalledWith({ file: 1, messages: 250 });
    stop();
    expect(unlisten).toHaveBeenCalled();
  });

  it("onExecutionFinished passes on each stored run", async () => {
    const { unlisten, fire } = captureListener();
    const cb = vi.fn();
    const stop = await backend.onExecutionFinished(cb);
    expect(listen).toHaveBeenCalledWith("execution-finished", expect.any(Function));
    const payload = { execution: execution({ executionId: 7 }) };
    fire("execution-finished", payload);
    expect(cb).toHaveBeenCalledWith(payload);
    stop();
    expect(unlisten).toHaveBeenCalled();
  });

  it("onCircuitChanged passes on each transition", async () => {
    const { unlisten, fire } = captureListener();
    const cb = vi.fn();
    const stop = await backend.onCircuitChanged(cb);
    expect(listen).toHaveBeenCalledWith("circuit-changed", expect.any(Function));
    const payload = {
      transition: { circuit: "openai/gpt-4o-mini", from: "closed", to: "open", at: 1, reason: "5 failures in a row" },
    };
    fire("circuit-changed", payload);
    expect(cb).toHaveBeenCalledWith(payload);
    stop();
    expect(unlisten).toHaveBeenCalled();
  });

  it.each([
    ["onImportProgress", () => backend.onImportProgress(() => {})],
    ["onExecutionFinished", () => backend.onExecutionFinished(() => {})],
    ["onCircuitChanged", () => backend.onCircuitChanged(() => {})],
  ])("%s without events resolves to a function that does nothing", async (_, subscribe) => {
    vi.mocked(listen).mockRejectedValue("event.listen not allowed");
    const stop = await subscribe();
    expect(() => stop()).not.toThrow();
  });
});
