import { describe, expect, it } from "vitest";
import { toIpcError } from "./ipcError";

describe("toIpcError", () => {
  it("keeps an IpcError and wraps strings and other values", () => {
    const e = { code: "not_found", message: "gone" };
    expect(toIpcError(e)).toBe(e);
    expect(toIpcError("boom")).toEqual({ code: "internal", message: "boom" });
    expect(toIpcError(new Error("bad"))).toEqual({ code: "internal", message: "Error: bad" });
  });

  it("places Tauri's refusal of an argument on its field, and cuts long messages", () => {
    expect(toIpcError("invalid args `id` for command `delete_application`: invalid type: string \"x\", expected i64")).toEqual({
      code: "invalid_input",
      field: "id",
      message: 'id: invalid type: string "x", expected i64',
    });
    const long = toIpcError(`invalid args \`post\` for command \`run_job_match\`: invalid type: string "${"x".repeat(100_000)}"`);
    expect(long.field).toBe("post");
    expect(long.message.length).toBeLessThanOrEqual(401);
    expect(toIpcError("y".repeat(5000)).message.length).toBeLessThanOrEqual(401);
  });
});
