// Shapes of what crosses IPC. They mirror the Rust types in jobtrail-core
// (tracker, agent) and src-tauri (error.rs, commands/mod.rs). Transport types are
// camelCase; agent outputs are the model's own JSON schema and stay snake_case.

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
  /** The email that caused an agent change, if any. */
  emailId: number | null;
  emailSubject: string | null;
  /** The agent execution that made the change, if any. */
  executionId: number | null;
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

// ── Email ─────────────────────────────────────────────────────────────────────

export const EMAIL_CATEGORIES = [
  "application_received",
  "interview_invite",
  "assessment",
  "offer",
  "rejection",
  "recruiter_outreach",
  "follow_up_needed",
  "other",
] as const;

export type EmailCategory = (typeof EMAIL_CATEGORIES)[number];

export type Urgency = "low" | "medium" | "high";

/** EmailAnalyst's output (the model's schema, snake_case). */
export interface EmailAnalysis {
  category: EmailCategory;
  urgency: Urgency;
  company: string | null;
  role: string | null;
  dates: string[];
  contacts: { name: string | null; email: string | null }[];
  application_id: number | null;
  proposed_status: Status | null;
  summary: string;
  confidence: number;
}

export interface EmailSummary {
  id: number;
  messageId: string | null;
  from: string;
  subject: string;
  /** The Date header as written in the message. */
  date: string | null;
  /** When it was sent, ms UTC, parsed from the Date header; null when that does not parse. */
  sentAt: number | null;
  snippet: string;
  importedAt: number;
  source: string | null;
  category: EmailCategory | null;
  applicationId: number | null;
  executionId: number | null;
}

export interface Email extends EmailSummary {
  /** Plain text. Never rendered as HTML. */
  body: string;
  analysis: EmailAnalysis | null;
}

/** A message that could not be read; `index` counts from 1 within its file. */
export interface MessageError {
  index: number;
  reason: string;
}

export interface ImportFileReport {
  path: string;
  imported: number;
  duplicates: number;
  errors: MessageError[];
  /** Set when the file itself could not be read (or reading stopped). */
  error: string | null;
}

/** Sent while an import runs: messages read so far from file number `file` (from 0). */
export interface ImportProgress {
  file: number;
  messages: number;
}

export interface ImportReport {
  files: ImportFileReport[];
  imported: number;
  duplicates: number;
  /** Messages, or whole files, that failed. */
  failed: number;
}

// ── Agent runs ────────────────────────────────────────────────────────────────

export type Engine = "llm" | "builtin" | "custom";

export interface TokenUsage {
  input: number;
  cachedInput: number;
  output: number;
  reasoning: number;
}

export interface ExecutionRecord {
  executionId: number;
  requestId: string;
  agent: string;
  engine: Engine;
  provider: string | null;
  model: string | null;
  startedAt: number;
  endedAt: number;
  durationUs: number;
  success: boolean;
  usage: TokenUsage;
  llmCalls: number;
  toolCalls: number;
  /** Dollars (exact in the store as nano-dollars), priced calls only. */
  cost: number;
  /** LLM calls to a model without a price: their cost is unknown, not zero. */
  unpricedCalls: number;
  /** Why the built-in engine answered although a model is configured (e.g. a spent budget). */
  fallbackReason: string | null;
  errorKind: string | null;
  errorMessage: string | null;
}

export interface RunError {
  kind: string;
  message: string;
}

/** One agent run: its output, or why there is none, and how it ran. */
export interface AgentRunResult<T> {
  output: T | null;
  error: RunError | null;
  execution: ExecutionRecord;
}

// ── Review queue ──────────────────────────────────────────────────────────────

export type ReviewKind = "status_change" | "new_application";

export type ReviewState = "pending" | "accepted" | "rejected";

export interface ReviewItem {
  id: number;
  kind: ReviewKind;
  applicationId: number | null;
  company: string | null;
  role: string | null;
  currentStatus: Status | null;
  proposedStatus: Status | null;
  reason: string;
  confidence: number | null;
  emailId: number | null;
  emailSubject: string | null;
  executionId: number | null;
  state: ReviewState;
  createdAt: number;
  decidedAt: number | null;
}

/** An EmailAnalyst run plus what it did: changes applied, items queued for review. */
export interface AnalyzeResult extends AgentRunResult<EmailAnalysis> {
  applied: StatusChange[];
  queued: ReviewItem[];
}

// ── Profile and matching ──────────────────────────────────────────────────────

export interface Profile {
  name: string;
  headline: string;
  skills: string[];
  yearsExperience: number | null;
  experience: string;
  locations: string[];
  remote: boolean;
  desiredRoles: string[];
  minSalary: number | null;
  updatedAt: number | null;
}

export type ProfileDraft = Omit<Profile, "updatedAt">;

export type Recommendation = "apply" | "consider" | "skip";

/** JobMatch's output (the model's schema, snake_case). */
export interface JobMatchResult {
  score: number;
  matched_skills: string[];
  missing_skills: string[];
  recommendation: Recommendation;
  summary: string;
  confidence: number;
}

export interface FollowUpDue {
  application: Application;
  daysSinceActivity: number;
}

/** FollowUp's output (the model's schema, snake_case). */
export interface FollowUpDraft {
  application_id: number;
  subject: string;
  body: string;
  confidence: number;
}

// ── Settings ──────────────────────────────────────────────────────────────────

/** Which OpenAI-compatible endpoint the agents use. Null fields fall back to the environment. */
export interface ProviderSettings {
  /** Name the API key is filed under in the keychain; derived from the base URL when null. */
  provider: string | null;
  /** OpenAI-compatible base URL; OPENAI_BASE_URL, else OpenAI's, when null. */
  baseUrl: string | null;
}

/** One agent's model settings; null means the agent's or the provider's default. */
export interface AgentConfig {
  agent: string;
  model: string | null;
  /** The model used when `model` is null. */
  defaultModel: string;
  /** 0–2. */
  temperature: number | null;
  /** 1–200,000. */
  maxTokens: number | null;
  enabled: boolean;
  /** Last changed, ms UTC; null while unchanged from the defaults. */
  updatedAt: number | null;
}

/** What an agent's settings form sends; empty fields are null. */
export interface AgentConfigDraft {
  model: string | null;
  temperature: number | null;
  maxTokens: number | null;
  enabled: boolean;
}

export interface Settings {
  provider: ProviderSettings;
  agents: AgentConfig[];
}

// ── Explanations ──────────────────────────────────────────────────────────────

export type ReasoningType = "observation" | "thought" | "action" | "decision" | "rule" | "verification";

export interface ReasoningStep {
  step: number;
  reasoningType: ReasoningType;
  content: string;
}

/** A tool call the run made, with the reason the model gave for it. */
export interface ToolUsage {
  toolName: string;
  reason: string;
  inputs: unknown;
  expectedOutcome: string | null;
  actualOutcome: string;
  success: boolean;
}

export interface Alternative {
  description: string;
  pros: string[];
  cons: string[];
  /** 0–1. */
  confidence: number;
  reasonNotChosen: string;
}

/** Why an agent run decided what it did. Text comes from models and emails: render it as text only. */
export interface Explanation {
  executionId: number;
  agentName: string;
  decision: string;
  /** 0–1. */
  confidenceScore: number;
  createdAt: number;
  reasoningSteps: ReasoningStep[];
  toolUsages: ToolUsage[];
  alternatives: Alternative[];
  keyFactors: string[];
  assumptions: string[];
  limitations: string[];
  /** What the explanation should have said but does not (parts the model left out or got wrong). */
  gaps: string[];
}

export type ExplanationFormat = "markdown" | "html" | "plain_text" | "json";

/** An explanation and its one-paragraph summary. */
export interface ExplanationView {
  explanation: Explanation;
  summary: string;
}

// ── Corrections and calibration ───────────────────────────────────────────────

/** One band of stated confidence: how often decisions stated in it were left standing. */
export interface CalibrationBand {
  /** Lower bound (inclusive), 0–1. */
  from: number;
  /** Upper bound (exclusive; 1 inclusive for the last band), 0–1. */
  to: number;
  decisions: number;
  /** Of which the person corrected. */
  corrected: number;
  /** Share left standing, 0–1; null without decisions. */
  accuracy: number | null;
  /** Mean stated confidence in the band, 0–1; null without decisions. */
  meanConfidence: number | null;
}

/** An agent's explained decisions against the person's corrections. */
export interface Calibration {
  agent: string;
  decisions: number;
  /** Of which corrected at least once. */
  corrected: number;
  /** corrected / decisions, 0–1. */
  correctedShare: number;
  bands: CalibrationBand[];
}
