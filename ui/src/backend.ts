// The one module that talks to the Rust side. Components import from here, never
// from @tauri-apps/* or the generated `commands`/`events`, so tests mock this module alone.
// The commands themselves are generated from the Rust types (./bindings, `make bindings`);
// a failing command rejects with its IpcError, which `call` passes on (anything else the
// framework rejects with, usually a plain string, becomes an `internal` IpcError).
import { open, save } from "@tauri-apps/plugin-dialog";
import { commands, events } from "./bindings";
import { toIpcError } from "./shared/ipcError";
import type {
  AccountDraft,
  AgentConfigDraft,
  AlertsChanged,
  AlertThresholds,
  ApplicationDraft,
  Budgets,
  CircuitChanged,
  DisplaySettings,
  EmailCategory,
  ErrorCategory,
  EvalProgress,
  EvalRequest,
  ExecutionFinished,
  ExplanationFormat,
  ExportDone,
  ExportFormat,
  FailsafeConfig,
  ImportProgress,
  MailSettings,
  MailSyncFinished,
  MonitoringConfig,
  NoticeShown,
  NotificationSettings,
  PriceDraft,
  ProfileDraft,
  ProviderSettings,
  Severity,
  Status,
  SyncProgress,
  TelemetrySettingsInput,
  TrayState,
} from "./types";

/** Runs a command; whatever it rejects with becomes an IpcError. */
async function call<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (e) {
    throw toIpcError(e);
  }
}

/**
 * Subscribes to an event; resolves to the function that ends the subscription. Without
 * events (no Tauri runtime) nothing is delivered, and the function does nothing: what
 * the events add (running counts, live refreshes) is missing, everything else works.
 */
async function subscribe(listen: () => Promise<() => void>): Promise<() => void> {
  try {
    return await listen();
  } catch {
    return () => {};
  }
}

/** Calls `cb` with each `import-progress` event until the returned function is called. */
function onImportProgress(cb: (p: ImportProgress) => void): Promise<() => void> {
  return subscribe(() => events.importProgress.listen((e) => cb(e.payload.progress)));
}

/** Calls `cb` each time an agent run is stored (`execution-finished`) until the returned function is called. */
function onExecutionFinished(cb: (e: ExecutionFinished) => void): Promise<() => void> {
  return subscribe(() => events.executionFinished.listen((e) => cb(e.payload)));
}

/** Calls `cb` each time a circuit breaker changes state (`circuit-changed`) until the returned function is called. */
function onCircuitChanged(cb: (e: CircuitChanged) => void): Promise<() => void> {
  return subscribe(() => events.circuitChanged.listen((e) => cb(e.payload)));
}

/** Calls `cb` with each `tray-changed` event (spend, gauge level, pause) until the returned function is called. */
function onTrayChanged(cb: (tray: TrayState) => void): Promise<() => void> {
  return subscribe(() => events.trayChanged.listen((e) => cb(e.payload.tray)));
}

/** Calls `cb` with each notice the app raised (`notice-shown`), delivered to the desktop or not. */
function onNoticeShown(cb: (e: NoticeShown) => void): Promise<() => void> {
  return subscribe(() => events.noticeShown.listen((e) => cb(e.payload)));
}

/** Calls `cb` each time performance alerts are raised or cleared (`alerts-changed`). */
function onAlertsChanged(cb: (e: AlertsChanged) => void): Promise<() => void> {
  return subscribe(() => events.alertsChanged.listen((e) => cb(e.payload)));
}

/** Calls `cb` each time a mail sync pass starts (`mail-sync-started`), with the one account it syncs or null for all. */
function onMailSyncStarted(cb: (account: string | null) => void): Promise<() => void> {
  return subscribe(() => events.mailSyncStarted.listen((e) => cb(e.payload.account)));
}

/** Calls `cb` after each batch a mail sync reads (`mail-sync-progress`): done/total per account and folder. */
function onMailSyncProgress(cb: (p: SyncProgress) => void): Promise<() => void> {
  return subscribe(() => events.mailSyncProgress.listen((e) => cb(e.payload.progress)));
}

/** Calls `cb` each time a mail sync pass ends (`mail-sync-finished`), with what it did per folder. */
function onMailSyncFinished(cb: (e: MailSyncFinished) => void): Promise<() => void> {
  return subscribe(() => events.mailSyncFinished.listen((e) => cb(e.payload)));
}

/** Calls `cb` after each message an evaluation ran (`eval-progressed`). */
function onEvalProgress(cb: (p: EvalProgress) => void): Promise<() => void> {
  return subscribe(() => events.evalProgressed.listen((e) => cb(e.payload.progress)));
}

/** The native open dialog for a folder; null when the person cancels. */
async function pickFolder(): Promise<string | null> {
  try {
    const picked = await open({ multiple: false, directory: true });
    return Array.isArray(picked) ? (picked[0] ?? null) : picked;
  } catch (e) {
    throw toIpcError(e);
  }
}

/** A file extension and its save-dialog filter name. */
interface FileType {
  extension: string;
  name: string;
}

/** The native save dialog for one file type; null when the person cancels. */
async function pickSavePath(defaultName: string, { extension, name }: FileType): Promise<string | null> {
  try {
    return await save({
      defaultPath: `${defaultName}.${extension}`,
      filters: [{ name, extensions: [extension] }],
    });
  } catch (e) {
    throw toIpcError(e);
  }
}

/** File extension and save-dialog filter name for each explanation export format. */
const EXPLANATION_FILES: Record<ExplanationFormat, FileType> = {
  markdown: { extension: "md", name: "Markdown" },
  html: { extension: "html", name: "HTML" },
  plain_text: { extension: "txt", name: "Text" },
  json: { extension: "json", name: "JSON" },
};

/** The native save dialog for an explanation export; null when the person cancels. */
function pickExplanationPath(executionId: number, format: ExplanationFormat): Promise<string | null> {
  return pickSavePath(`explanation-${executionId}`, EXPLANATION_FILES[format]);
}

/** File extension and save-dialog filter name for each metrics and costs export format. */
const EXPORT_FILES: Record<ExportFormat, FileType> = {
  json: { extension: "json", name: "JSON" },
  csv: { extension: "csv", name: "CSV" },
};

/** A name as part of a suggested file name: letters, digits, `.`, `_` and `-` only. */
function fileNamePart(name: string): string {
  return name.replace(/[^\w.-]+/g, "_");
}

/**
 * Asks where to save an export, then runs it with the chosen path; null (and no
 * command) when the person cancels the dialog.
 */
async function exportTo(
  defaultName: string,
  file: FileType,
  run: (path: string) => Promise<ExportDone>,
): Promise<ExportDone | null> {
  const path = await pickSavePath(defaultName, file);
  if (path === null) return null;
  return call(() => run(path));
}

/**
 * Asks where to save the performance metrics (one agent's, or every agent's without a
 * name) and writes them there as `format`; null when the person cancels.
 */
function exportMetrics(
  format: ExportFormat,
  agentName: string | null = null,
  periodHours: number | null = null,
): Promise<ExportDone | null> {
  const name = agentName === null ? "metrics" : `metrics-${fileNamePart(agentName)}`;
  return exportTo(name, EXPORT_FILES[format], (path) => commands.exportMetrics(path, agentName, periodHours, format));
}

/** Asks where to save the cost report and writes it there as `format`; null when the person cancels. */
function exportCosts(format: ExportFormat, periodHours: number | null = null): Promise<ExportDone | null> {
  return exportTo("costs", EXPORT_FILES[format], (path) => commands.exportCosts(path, periodHours, format));
}

/** Asks where to save the error history and writes it there as JSON; null when the person cancels. */
function exportErrors(sinceHours: number | null = null): Promise<ExportDone | null> {
  return exportTo("errors", EXPORT_FILES.json, (path) => commands.exportErrors(path, sinceHours));
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

/** Thresholds that override the stored ones for one check; absent ones use the stored values. */
export interface AlertOverrides {
  maxErrorRate?: number | null;
  maxAvgExecutionTime?: number | null;
  maxP95ExecutionTime?: number | null;
  maxAvgCost?: number | null;
}

/** Which handled errors to list; absent fields do not filter. */
export interface ErrorFilter {
  sinceHours?: number | null;
  category?: ErrorCategory | null;
  /** This severity and worse. */
  minSeverity?: Severity | null;
  executionId?: number | null;
  limit?: number | null;
}

export const backend = {
  appInfo: () => call(() => commands.appInfo()),

  listApplications: () => call(() => commands.listApplications()),
  addApplication: (draft: ApplicationDraft) => call(() => commands.addApplication(draft)),
  setApplicationStatus: (id: number, status: Status, note?: string) =>
    call(() => commands.setApplicationStatus(id, status, note ?? null)),
  deleteApplication: async (id: number): Promise<void> => {
    await call(() => commands.deleteApplication(id));
  },
  applicationTimeline: (id: number) => call(() => commands.applicationTimeline(id)),

  pickEmailFiles,
  onImportProgress,
  listEmails: () => call(() => commands.listEmails()),
  getEmail: (id: number) => call(() => commands.getEmail(id)),
  importEmails: (paths: string[]) => call(() => commands.importEmails(paths)),
  analyzeEmail: (id: number) => call(() => commands.analyzeEmail(id)),
  /** Sets an email's category by hand; it counts as a correction of the run that analysed it. */
  relabelEmail: (id: number, category: EmailCategory) => call(() => commands.relabelEmail(id, category)),

  listReviewItems: (includeDecided: boolean) => call(() => commands.listReviewItems(includeDecided)),
  acceptReviewItem: (id: number) => call(() => commands.acceptReviewItem(id)),
  rejectReviewItem: (id: number) => call(() => commands.rejectReviewItem(id)),

  getProfile: () => call(() => commands.getProfile()),
  saveProfile: (draft: ProfileDraft) => call(() => commands.saveProfile(draft)),
  runJobMatch: (post: string) => call(() => commands.runJobMatch(post)),
  listFollowUpsDue: (days: number) => call(() => commands.listFollowUpsDue(days)),
  runFollowUp: (applicationId: number) => call(() => commands.runFollowUp(applicationId)),

  getExplanation: (executionId: number) => call(() => commands.getExplanation(executionId)),

  pickFolder,
  onEvalProgress,
  /** EmailAnalyst over a labelled set, per engine or model (a dry run, priced and tagged). */
  runEvaluation: (request: EvalRequest) => call(() => commands.runEvaluation(request)),
  pickExplanationPath,
  /** Writes the explanation in `format` to `path`; resolves to the path written. */
  exportExplanation: (executionId: number, format: ExplanationFormat, path: string) =>
    call(() => commands.exportExplanation(executionId, format, path)),
  /** Per agent: the share of decisions corrected and the calibration by stated confidence. */
  getCalibration: () => call(() => commands.getCalibration()),

  getSettings: () => call(() => commands.getSettings()),
  setProviderSettings: (provider: ProviderSettings) => call(() => commands.setProviderSettings(provider)),
  setAgentConfig: (agent: string, config: AgentConfigDraft) => call(() => commands.setAgentConfig(agent, config)),
  setMonitoringConfig: (config: MonitoringConfig) => call(() => commands.setMonitoringConfig(config)),
  setAlertThresholds: (thresholds: AlertThresholds) => call(() => commands.setAlertThresholds(thresholds)),
  setNotificationSettings: (notifications: NotificationSettings) => call(() => commands.setNotificationSettings(notifications)),
  /** GPU acceleration of the window, from the next start. */
  setDisplaySettings: (config: DisplaySettings) => call(() => commands.setDisplaySettings(config)),
  /** Where runs are exported over OTLP, what decided it, and the dropped/failed span counts. */
  getTelemetryStatus: () => call(() => commands.getTelemetryStatus()),
  /** Saves endpoint, headers (secret values go to the keychain) and content on/off; applies them at once. */
  setTelemetrySettings: (settings: TelemetrySettingsInput) => call(() => commands.setTelemetrySettings(settings)),
  /** Sends one test span with the saved settings; the backend's answer. */
  sendTestSpan: () => call(() => commands.sendTestSpan()),

  // ── Mail accounts and sync ──────────────────────────────────────────────────

  listMailAccounts: () => call(() => commands.listMailAccounts()),
  /**
   * Logs in with the draft and lists the server's folders; nothing is stored. Without
   * a password, a stored account is tried with its stored one (same server and user only).
   */
  testMailAccount: (draft: AccountDraft, password: string | null) => call(() => commands.testMailAccount(draft, password)),
  /** Adds an account once its login works; the password goes to the keychain, never back here. */
  addMailAccount: (draft: AccountDraft, password: string) => call(() => commands.addMailAccount(draft, password)),
  /** Saves an account's settings, and a new password when one is given. */
  updateMailAccount: (draft: AccountDraft, password: string | null) => call(() => commands.updateMailAccount(draft, password)),
  /** Removes an account and its password; the mail it imported stays. */
  removeMailAccount: async (name: string): Promise<void> => {
    await call(() => commands.removeMailAccount(name));
  },
  setMailAccountEnabled: (name: string, enabled: boolean) => call(() => commands.setMailAccountEnabled(name, enabled)),
  getMailSettings: () => call(() => commands.getMailSettings()),
  setMailSettings: (settings: MailSettings) => call(() => commands.setMailSettings(settings)),
  /** Syncs one account, or every enabled one, now (after a sync already running); resolves to what each folder did. */
  syncMailNow: (account: string | null = null) => call(() => commands.syncMailNow(account)),
  /** Whether a sync runs, when mail was last synced and what the last pass did. */
  getMailSyncStatus: () => call(() => commands.getMailSyncStatus()),
  onMailSyncStarted,
  onMailSyncProgress,
  onMailSyncFinished,

  // ── Tray and pause ──────────────────────────────────────────────────────────

  /** What the tray shows: today's spend, the gauge level, whether agents are paused. */
  getTrayState: () => call(() => commands.getTrayState()),
  /** Pauses or resumes all agents (as the tray's menu does). */
  setAgentsPaused: (paused: boolean) => call(() => commands.setAgentsPaused(paused)),
  onTrayChanged,
  onNoticeShown,
  onAlertsChanged,

  // ── Performance monitoring ──────────────────────────────────────────────────

  /** The dashboard's figures (this period against the one before, series, run-time spread) for one agent or all. */
  getDashboard: (agentName: string | null, periodHours: number) => call(() => commands.getDashboard(agentName, periodHours)),
  /** Every agent's metrics over the last `periodHours` (the backend's default period when absent), and the total. */
  getPerformanceSummary: (periodHours?: number | null) => call(() => commands.getPerformanceSummary(periodHours ?? null)),
  getAgentPerformance: (agentName: string, periodHours?: number | null) =>
    call(() => commands.getAgentPerformance(agentName, periodHours ?? null)),
  /** Stored runs, newest first: one agent's, or every agent's when `agentName` is null. */
  getRawMetrics: (agentName: string | null, limit: number) => call(() => commands.getRawMetrics(agentName, limit)),
  /** Checks now and returns the active alerts; each override replaces its stored threshold for this check. */
  getPerformanceAlerts: (overrides: AlertOverrides = {}) =>
    call(() =>
      commands.getPerformanceAlerts(
        overrides.maxErrorRate ?? null,
        overrides.maxAvgExecutionTime ?? null,
        overrides.maxP95ExecutionTime ?? null,
        overrides.maxAvgCost ?? null,
      ),
    ),
  /** Ended alerts as well as active ones, newest first. */
  listAlertHistory: (limit: number) => call(() => commands.listAlertHistory(limit)),
  getMonitoringHealth: () => call(() => commands.getMonitoringHealth()),
  exportMetrics,
  onExecutionFinished,

  // ── Costs and budgets ───────────────────────────────────────────────────────

  /** Each agent's costs, most expensive first. */
  getCostsByAgent: (periodHours?: number | null) => call(() => commands.getCostsByAgent(periodHours ?? null)),
  getAgentCosts: (agentName: string, periodHours?: number | null) =>
    call(() => commands.getAgentCosts(agentName, periodHours ?? null)),
  /** All agents together, by model, agent and day. */
  getTotalCosts: (periodHours?: number | null) => call(() => commands.getTotalCosts(periodHours ?? null)),
  getBudgetStatus: () => call(() => commands.getBudgetStatus()),
  getOptimizationTips: (periodHours?: number | null) => call(() => commands.getOptimizationTips(periodHours ?? null)),
  /** Sets the daily budget (null removes it); the other budgets stay. */
  setBudget: (budget: number | null) => call(() => commands.setBudget(budget)),
  /** Every budget at once. */
  setBudgets: (budgets: Budgets) => call(() => commands.setBudgets(budgets)),
  exportCosts,
  listPrices: () => call(() => commands.listPrices()),
  /** Adds or changes a model's price. */
  setPrice: (price: PriceDraft) => call(() => commands.setPrice(price)),
  /** Removes a model's price (its later calls are unpriced). */
  removePrice: async (model: string): Promise<void> => {
    await call(() => commands.removePrice(model));
  },

  // ── Failsafe and errors ─────────────────────────────────────────────────────

  getFailsafeStatus: () => call(() => commands.getFailsafeStatus()),
  /** Closes a circuit by hand. */
  resetCircuit: (circuit: string) => call(() => commands.resetCircuit(circuit)),
  setFailsafeConfig: (config: FailsafeConfig) => call(() => commands.setFailsafeConfig(config)),
  onCircuitChanged,
  getErrorStats: (sinceHours?: number | null) => call(() => commands.getErrorStats(sinceHours ?? null)),
  /** Handled errors, newest first. */
  listErrors: (filter: ErrorFilter = {}) =>
    call(() =>
      commands.listErrors(
        filter.sinceHours ?? null,
        filter.category ?? null,
        filter.minSeverity ?? null,
        filter.executionId ?? null,
        filter.limit ?? null,
      ),
    ),
  exportErrors,

  /** Every log line of the run with `requestId`, oldest first. */
  getExecutionLogs: (requestId: string) => call(() => commands.getExecutionLogs(requestId)),

  // ── API keys ────────────────────────────────────────────────────────────────

  /** Whether a key is stored for `provider`, and its last 4 characters; never the key. */
  getKeyStatus: (provider: string) => call(() => commands.getKeyStatus(provider)),
  setApiKey: (provider: string, key: string) => call(() => commands.setApiKey(provider, key)),
  removeApiKey: (provider: string) => call(() => commands.removeApiKey(provider)),
};

export type Backend = typeof backend;
