// The one module that talks to the Rust side. Components import from here, never
// from @tauri-apps/*, so tests mock this module alone.
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo, Application, ApplicationDraft, IpcError, Status, StatusChange } from "./types";

/** Turns whatever a command rejected with into an IpcError. */
export function toIpcError(e: unknown): IpcError {
  if (e && typeof e === "object" && "message" in e && "code" in e) {
    return e as IpcError;
  }
  return { code: "internal", message: typeof e === "string" ? e : String(e) };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

export const backend = {
  appInfo: () => call<AppInfo>("app_info"),
  listApplications: () => call<Application[]>("list_applications"),
  addApplication: (draft: ApplicationDraft) => call<Application>("add_application", { draft }),
  setApplicationStatus: (id: number, status: Status, note?: string) =>
    call<Application>("set_application_status", { id, status, note: note ?? null }),
  deleteApplication: (id: number) => call<void>("delete_application", { id }),
  applicationTimeline: (id: number) => call<StatusChange[]>("application_timeline", { id }),
};

export type Backend = typeof backend;
