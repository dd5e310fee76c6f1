// Shapes of what crosses IPC. They mirror the Rust types in jobtrail-core
// (tracker::applications) and src-tauri (error.rs, commands/mod.rs).

export const STATUSES = [
  "saved",
  "applied",
  "screening",
  "interview",
  "offer",
  "accepted",
  "rejected",
  "withdrawn",
  "ghosted",
] as const;

export type Status = (typeof STATUSES)[number];

export type Origin = "user" | "agent" | "import";

export interface Application {
  id: number;
  company: string;
  role: string;
  status: Status;
  source: string | null;
  url: string | null;
  location: string | null;
  notes: string;
  createdAt: number;
  updatedAt: number;
}

export interface ApplicationDraft {
  company: string;
  role: string;
  status?: string | null;
  source?: string | null;
  url?: string | null;
  location?: string | null;
  notes?: string | null;
}

export interface StatusChange {
  id: number;
  applicationId: number;
  from: Status | null;
  to: Status;
  at: number;
  origin: Origin;
  note: string | null;
}

export type ErrorCode = "invalid_input" | "not_found" | "store_unavailable" | "internal";

export interface IpcError {
  code: ErrorCode;
  message: string;
  field?: string;
}

export interface AppInfo {
  version: string;
  dataDir: string | null;
  database: string | null;
  storeError: IpcError | null;
}
