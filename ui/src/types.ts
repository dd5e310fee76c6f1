// Shapes of what crosses IPC. The IPC types are generated from the Rust types
// (tauri-specta, `make bindings`) into ./bindings and re-exported here under the names
// the components use; only UI-only types are written by hand. Transport types are
// camelCase; agent outputs are the model's own JSON schema and stay snake_case.
// Specta types every Rust f64 as `number | null` (NaN serializes to null).

import type { EmailCategory, Status } from "./bindings";

// ── Applications ──────────────────────────────────────────────────────────────

export type { Application, ApplicationDraft, Origin, Status, StatusChange } from "./bindings";

/** Every status, in the order of a job hunt (the UI's lists and filters). */
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
] as const satisfies readonly Status[];

// ── Errors and the app ────────────────────────────────────────────────────────

export type { AppInfo, ErrorCode, IpcError } from "./bindings";

// ── Email ─────────────────────────────────────────────────────────────────────

export type {
  Contact,
  Email,
  EmailAnalysis,
  EmailCategory,
  EmailSummary,
  /** What importing one file did. */
  FileReport as ImportFileReport,
  ImportReport,
  MessageError,
  /** Sent while an import runs: messages read so far from file number `file` (from 0). */
  Progress as ImportProgress,
  Urgency,
} from "./bindings";

/** Every email category, in the order the relabel menu lists them. */
export const EMAIL_CATEGORIES = [
  "application_received",
  "interview_invite",
  "assessment",
  "offer",
  "rejection",
  "recruiter_outreach",
  "follow_up_needed",
  "other",
] as const satisfies readonly EmailCategory[];

// Both lists must name every value of their union: a variant added on the Rust side
// fails the typecheck here until the UI lists it.
type Missing<All, Listed extends readonly unknown[]> = Exclude<All, Listed[number]>;
const allStatusesListed: [Missing<Status, typeof STATUSES>] extends [never] ? true : never = true;
const allCategoriesListed: [Missing<EmailCategory, typeof EMAIL_CATEGORIES>] extends [never] ? true : never = true;
void allStatusesListed;
void allCategoriesListed;

// ── Mail accounts and sync ───────────────────────────────────────────────────

export type {
  AccountDraft,
  AccountStatus,
  FolderInfo,
  FolderReport,
  MailAccount,
  MailSettings,
  MailSyncFinished,
  MailSyncStatus,
  MalformedMessage,
  Security,
  SyncError,
  /** Sent after each batch a sync reads: done/total in one account's folder. */
  SyncProgress,
} from "./bindings";

// ── Agent runs ────────────────────────────────────────────────────────────────

export type {
  /** One agent run: its output, or why there is none, and how it ran. */
  RunReport as AgentRunResult,
  AnalyzeResult,
  Applied,
  Engine,
  ExecutionRecord,
  FollowUpRun,
  JobMatchRun,
  /** Why a run produced no output. */
  RunFailure as RunError,
  TokenUsage,
} from "./bindings";

// ── Review queue ──────────────────────────────────────────────────────────────

export type { ReviewItem, ReviewKind, ReviewState } from "./bindings";

// ── Profile and matching ──────────────────────────────────────────────────────

export type {
  FollowUpDraft,
  FollowUpDue,
  JobMatchResult,
  Profile,
  ProfileDraft,
  Recommendation,
} from "./bindings";

// ── Settings ──────────────────────────────────────────────────────────────────

export type {
  AgentConfig,
  AgentConfigDraft,
  AlertThresholds,
  Budgets,
  DisplaySettings,
  EnvOverride,
  FailsafeConfig,
  LoggingSettings,
  MonitoringConfig,
  NotificationSettings,
  ProviderSettings,
  Settings,
} from "./bindings";

// ── Telemetry (OTLP export) ───────────────────────────────────────────────────

export type { ExportStats, HeaderSetting, TelemetrySettingsInput, TelemetryStatus, TestSpanAnswer } from "./bindings";

// ── Explanations ──────────────────────────────────────────────────────────────

export type {
  Alternative,
  Explanation,
  /** The formats an explanation exports to. */
  ExplanationFormat,
  ExplanationView,
  ReasoningStep,
  ReasoningType,
  ToolUsage,
  Value,
} from "./bindings";

// ── Corrections and calibration ───────────────────────────────────────────────

export type {
  /** One band of stated confidence: how often decisions stated in it were left standing. */
  Band as CalibrationBand,
  Calibration,
} from "./bindings";

// ── Performance monitoring ────────────────────────────────────────────────────

export type {
  AgentsSummary,
  AggregatedMetrics,
  AlertSeverity,
  ExecutionFinished,
  ExportDone,
  /** The formats metrics and costs export to. */
  ExportFormat,
  Health,
  PerformanceAlert,
  RawMetric,
  RowCounts,
  TaskRun,
} from "./bindings";

// ── Costs and budgets ─────────────────────────────────────────────────────────

export type {
  Breakdown,
  BudgetPeriod,
  BudgetStatus,
  CostSummary,
  CostTip,
  DailyCost,
  Forecast,
  ModelPrice,
  PriceDraft,
} from "./bindings";

// ── Failsafe and errors ───────────────────────────────────────────────────────

export type {
  BackoffStrategy,
  CircuitBreakerConfig,
  CircuitChanged,
  CircuitState,
  CircuitStats,
  ErrorCategory,
  ErrorContext,
  ErrorInfo,
  ErrorStats,
  FailsafeStats,
  FailsafeStatus,
  RecoveryStrategy,
  RetryStats,
  Severity,
  StoredCircuit,
  Transition,
} from "./bindings";

// ── API keys ──────────────────────────────────────────────────────────────────

export type { KeyStatus } from "./bindings";

// ── Tray, notices and alerts ──────────────────────────────────────────────────

export type { AlertsChanged, GaugeLevel, Notice, NoticeKind, NoticeShown, TrayState } from "./bindings";

// ── Dashboard ─────────────────────────────────────────────────────────────────

export type { Dashboard, DurationBar, LogField, LogLine, Series, SeriesPoint } from "./bindings";

// ── Evaluation ────────────────────────────────────────────────────────────────

export type {
  ConfidenceBand,
  CategoryScore,
  Confusion,
  EngineChoice,
  EvalProgress,
  EvalReport,
  EvalRequest,
  EvalResult,
  Extracted,
  ExtractionMiss,
  ExtractionScore,
  SetSummary,
  Source,
  WrongAnswer,
} from "./bindings";
