// Builders for what the backend returns, so each test states only what it is about.
import type {
  AgentConfig,
  TelemetryStatus,
  AggregatedMetrics,
  AgentRunResult,
  AnalyzeResult,
  Application,
  Email,
  EmailAnalysis,
  EmailSummary,
  ExecutionRecord,
  Explanation,
  ExplanationView,
  FolderReport,
  MailAccount,
  MailSyncStatus,
  ReviewItem,
  Settings,
  StatusChange,
} from "../types";

export function application(over: Partial<Application> = {}): Application {
  return {
    id: 1,
    company: "Acme",
    role: "Rust Engineer",
    status: "applied",
    source: null,
    url: null,
    location: null,
    notes: "",
    createdAt: Date.UTC(2025, 0, 10),
    updatedAt: Date.UTC(2025, 0, 10),
    ...over,
  };
}

export function execution(over: Partial<ExecutionRecord> = {}): ExecutionRecord {
  return {
    executionId: 42,
    requestId: "req-1",
    agent: "email_analyst",
    engine: "builtin",
    provider: null,
    model: null,
    startedAt: 0,
    endedAt: 3,
    durationUs: 3_000,
    success: true,
    usage: { input: 0, cachedInput: 0, output: 0, reasoning: 0 },
    llmCalls: 0,
    toolCalls: 0,
    cost: 0,
    unpricedCalls: 0,
    fallbackReason: null,
    errorKind: null,
    errorMessage: null,
    ...over,
  };
}

export function emailSummary(over: Partial<EmailSummary> = {}): EmailSummary {
  return {
    id: 1,
    messageId: "<m1@acme.test>",
    from: "Jane Recruiter <jane@acme.test>",
    subject: "Interview invitation",
    date: "Mon, 3 Mar 2025 10:00:00 +0000",
    sentAt: Date.UTC(2025, 2, 3, 10),
    snippet: "We would like to invite you…",
    importedAt: Date.UTC(2025, 2, 3),
    source: "/home/me/mail/acme.eml",
    account: null,
    folder: null,
    skippedReason: null,
    category: null,
    applicationId: null,
    executionId: null,
    ...over,
  };
}

export function email(over: Partial<Email> = {}): Email {
  return { ...emailSummary(over), body: "Hello", analysis: null, ...over };
}

export function analysis(over: Partial<EmailAnalysis> = {}): EmailAnalysis {
  return {
    category: "interview_invite",
    urgency: "high",
    company: "Acme",
    role: "Rust Engineer",
    dates: [],
    contacts: [],
    application_id: 1,
    proposed_status: "interview",
    summary: "Acme invites you to a technical interview.",
    confidence: 0.87,
    ...over,
  };
}

export function statusChange(over: Partial<StatusChange> = {}): StatusChange {
  return {
    id: 1,
    applicationId: 1,
    from: "applied",
    to: "interview",
    at: Date.UTC(2025, 2, 3, 10),
    origin: "agent",
    note: null,
    emailId: 1,
    emailSubject: "Interview invitation",
    executionId: 42,
    ...over,
  };
}

export function reviewItem(over: Partial<ReviewItem> = {}): ReviewItem {
  return {
    id: 1,
    kind: "status_change",
    applicationId: 1,
    company: "Acme",
    role: "Rust Engineer",
    currentStatus: "interview",
    proposedStatus: "offer",
    reason: "The email says an offer is on its way.",
    confidence: 0.72,
    emailId: 3,
    emailSubject: "Good news from Acme",
    executionId: 42,
    state: "pending",
    createdAt: Date.UTC(2025, 2, 4),
    decidedAt: null,
    ...over,
  };
}

export function analyzeResult(over: Partial<AnalyzeResult> = {}): AnalyzeResult {
  return { output: analysis(), error: null, execution: execution(), applied: [], queued: [], ...over };
}

export function runResult<T>(output: T, over: Partial<AgentRunResult<T>> = {}): AgentRunResult<T> {
  return { output, error: null, execution: execution(), ...over };
}

export function explanation(over: Partial<Explanation> = {}): Explanation {
  return {
    executionId: 42,
    agentName: "email-analyst",
    decision: "Interview invite from Acme",
    confidenceScore: 0.87,
    createdAt: Date.UTC(2025, 2, 3, 10),
    reasoningSteps: [
      { step: 1, reasoningType: "observation", content: "The subject says “Interview invitation”." },
      { step: 2, reasoningType: "rule", content: "Rule interview_invite fired on “invite you to an interview”." },
      { step: 3, reasoningType: "decision", content: "Classified as an interview invite." },
    ],
    toolUsages: [
      {
        toolName: "find_application",
        reason: "To link the email to an application at Acme.",
        inputs: { company: "Acme", role: "Rust Engineer" },
        expectedOutcome: "One matching application",
        actualOutcome: "Found application #1",
        success: true,
      },
    ],
    alternatives: [
      {
        description: "Recruiter outreach",
        pros: ["Sent by a recruiter"],
        cons: ["Names a date for an interview"],
        confidence: 0.2,
        reasonNotChosen: "The email schedules an interview.",
      },
    ],
    keyFactors: ["The word “interview” in the subject"],
    assumptions: ["The email is about the Rust Engineer application"],
    limitations: ["Built-in rules read keywords, not meaning"],
    gaps: [],
    ...over,
  };
}

export function explanationView(over: Partial<Explanation> = {}, summary = "Interview invite from Acme (87% confident)."): ExplanationView {
  return { explanation: explanation(over), summary };
}

export function agentConfig(agent: string, over: Partial<AgentConfig> = {}): AgentConfig {
  return { agent, model: null, defaultModel: "gpt-4o-mini", temperature: null, maxTokens: null, enabled: true, updatedAt: null, ...over };
}

/** Telemetry as on first launch: no endpoint, nothing exported. */
export function telemetryStatus(): TelemetryStatus {
  return {
    settings: { endpoint: null, headers: [], content: false },
    enabled: false,
    endpoint: null,
    endpointSource: null,
    serviceName: "jobtrail",
    content: false,
    variables: [],
    installationId: "0123456789abcdef0123456789abcdef",
    stats: { exportedSpans: 0, droppedSpans: 0, failedSpans: 0, lastError: null },
  };
}

/** Every setting at its default, with the three agents. */
export function settings(over: Partial<Settings> = {}): Settings {
  return {
    provider: { provider: null, baseUrl: null },
    keyProvider: "openai",
    envApiKey: false,
    agents: [agentConfig("email-analyst"), agentConfig("job-match"), agentConfig("follow-up")],
    monitoring: { monitoringEnabled: true, costTrackingEnabled: true, metricsRetentionHours: 168 },
    alertThresholds: {
      maxErrorRate: 10,
      maxAvgExecutionTime: 30,
      maxP95ExecutionTime: null,
      maxAvgCost: null,
      periodHours: 1,
      minExecutions: 5,
    },
    failsafe: { maxRetries: 3, retryBackoffMultiplier: 2, circuitBreakerThreshold: 5 },
    budgets: { dailyBudget: null, monthlyBudget: null, agentDailyBudgets: {}, hardLimit: false },
    notifications: { budget: true, performance: true, unpriced: true, escalations: true, jobMail: true },
    mail: { intervalMinutes: 5, autoAnalyse: true },
    display: { gpuAcceleration: false },
    logging: { logLevel: "info", structuredLogging: false },
    envOverrides: [],
    ...over,
  };
}

/** One agent's (or all agents') metrics over a period; zeros unless given. */
export function aggregated(over: Partial<AggregatedMetrics> = {}): AggregatedMetrics {
  return {
    agentName: "*",
    periodHours: 24,
    periodStart: Date.UTC(2026, 10, 27, 12),
    periodEnd: Date.UTC(2026, 10, 28, 12),
    totalExecutions: 0,
    successfulExecutions: 0,
    failedExecutions: 0,
    successRate: 0,
    errorRate: 0,
    avgExecutionTime: 0,
    p50ExecutionTime: 0,
    p95ExecutionTime: 0,
    p99ExecutionTime: 0,
    maxExecutionTime: 0,
    totalTokens: 0,
    inputTokens: 0,
    cachedInputTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
    avgTokensPerExecution: 0,
    totalCost: 0,
    avgCost: 0,
    unpricedCalls: 0,
    llmCalls: 0,
    totalToolCalls: 0,
    ...over,
  };
}

/** A mail account as listed, synced a moment ago unless told otherwise. */
export function mailAccount(over: Partial<MailAccount> = {}): MailAccount {
  return {
    name: "work",
    host: "imap.example.com",
    port: 993,
    security: "tls",
    user: "me@example.com",
    folders: ["INBOX"],
    since: "2026-09-07",
    enabled: true,
    lastSyncAt: null,
    status: "ok",
    error: null,
    errorCode: null,
    ...over,
  };
}

/** Background mail sync's state: idle, never run, no accounts unless told otherwise. */
export function mailSyncStatus(over: Partial<MailSyncStatus> = {}): MailSyncStatus {
  return { running: false, lastRunAt: null, lastReports: [], lastError: null, accounts: 0, idleAccounts: [], ...over };
}

/** What syncing one folder did: nothing new unless told otherwise. */
export function folderReport(over: Partial<FolderReport> = {}): FolderReport {
  return {
    account: "work",
    folder: "INBOX",
    fetched: 0,
    imported: 0,
    duplicates: 0,
    malformed: 0,
    malformedMessages: [],
    analysed: 0,
    skipped: 0,
    uidValidity: 1,
    lastUid: 0,
    rescanned: false,
    error: null,
    ...over,
  };
}
