// The one module that talks to the Rust side. Components import from here, never
// from @tauri-apps/*, so tests mock this module alone.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { open, save } from "@tauri-apps/plugin-dialog";
import type {
  ImportProgress,
  AgentConfig,
  AgentConfigDraft,
  AgentRunResult,
  AnalyzeResult,
  AppInfo,
  Calibration,
  Application,
  ApplicationDraft,
  Email,
  EmailCategory,
  EmailSummary,
  ExplanationFormat,
  ExplanationView,
  FollowUpDraft,
  FollowUpDue,
  ImportReport,
  IpcError,
  JobMatchResult,
  Profile,
  ProfileDraft,
  ProviderSettings,
  ReviewItem,
  Settings,
  Status,
  StatusChange,
} from "./types";

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

/** Calls `cb` with each `import-progress` event until the returned function is called. */
async function onImportProgress(cb: (p: ImportProgress) => void): Promise<() => void> {
  try {
    return await listen<ImportProgress>("import-progress", (e) => cb(e.payload));
  } catch {
    // Without events the import still finishes; only the running count is missing.
    return () => {};
  }
}

/** File extension and save-dialog filter name for each export format. */
const EXPLANATION_FILES: Record<ExplanationFormat, { extension: string; name: string }> = {
  markdown: { extension: "md", name: "Markdown" },
  html: { extension: "html", name: "HTML" },
  plain_text: { extension: "txt", name: "Text" },
  json: { extension: "json", name: "JSON" },
};

/** The native save dialog for an explanation export; null when the person cancels. */
async function pickExplanationPath(executionId: number, format: ExplanationFormat): Promise<string | null> {
  const { extension, name } = EXPLANATION_FILES[format];
  try {
    return await save({
      defaultPath: `explanation-${executionId}.${extension}`,
      filters: [{ name, extensions: [extension] }],
    });
  } catch (e) {
    throw toIpcError(e);
  }
}

/** The native open dialog for mail files; [] when the person cancels. */
async function pickEmailFiles(): Promise<string[]> {
  try {
    const picked = await open({
      multiple: true,
      directory: false,
      filters: [{ name: "Email", extensions: ["eml", "mbox", "mbx"] }],
    });
    if (picked === null) return [];
    return Array.isArray(picked) ? picked : [picked];
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

  pickEmailFiles,
  onImportProgress,
  listEmails: () => call<EmailSummary[]>("list_emails"),
  getEmail: (id: number) => call<Email>("get_email", { id }),
  importEmails: (paths: string[]) => call<ImportReport>("import_emails", { paths }),
  analyzeEmail: (id: number) => call<AnalyzeResult>("analyze_email", { id }),
  /** Sets an email's category by hand; it counts as a correction of the run that analysed it. */
  relabelEmail: (id: number, category: EmailCategory) => call<EmailSummary>("relabel_email", { id, category }),

  listReviewItems: (includeDecided: boolean) =>
    call<ReviewItem[]>("list_review_items", { includeDecided }),
  acceptReviewItem: (id: number) => call<ReviewItem>("accept_review_item", { id }),
  rejectReviewItem: (id: number) => call<ReviewItem>("reject_review_item", { id }),

  getProfile: () => call<Profile>("get_profile"),
  saveProfile: (draft: ProfileDraft) => call<Profile>("save_profile", { draft }),
  runJobMatch: (post: string) => call<AgentRunResult<JobMatchResult>>("run_job_match", { post }),
  listFollowUpsDue: (days: number) => call<FollowUpDue[]>("list_follow_ups_due", { days }),
  runFollowUp: (applicationId: number) =>
    call<AgentRunResult<FollowUpDraft>>("run_follow_up", { applicationId }),

  getExplanation: (executionId: number) => call<ExplanationView>("get_explanation", { executionId }),
  pickExplanationPath,
  /** Writes the explanation in `format` to `path`; resolves to the path written. */
  exportExplanation: (executionId: number, format: ExplanationFormat, path: string) =>
    call<string>("export_explanation", { executionId, format, path }),
  /** Per agent: the share of decisions corrected and the calibration by stated confidence. */
  getCalibration: () => call<Calibration[]>("get_calibration"),

  getSettings: () => call<Settings>("get_settings"),
  setProviderSettings: (provider: ProviderSettings) =>
    call<ProviderSettings>("set_provider_settings", { provider }),
  setAgentConfig: (agent: string, config: AgentConfigDraft) =>
    call<AgentConfig>("set_agent_config", { agent, config }),
};

export type Backend = typeof backend;
