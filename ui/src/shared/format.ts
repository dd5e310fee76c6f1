import type { EmailCategory, EmailSummary, ExecutionRecord, Recommendation, ReviewItem, TokenUsage, Urgency } from "../types";

/** A short, local date for a ms timestamp: time today, else the date. */
export function formatWhen(ms: number, now: number = Date.now()): string {
  const d = new Date(ms);
  const today = new Date(now);
  if (d.toDateString() === today.toDateString()) {
    return d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  }
  return d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

/** How long ago a ms timestamp was: "just now", "2 min ago", "3 h ago", else the date. */
export function formatAgo(ms: number, now: number = Date.now()): string {
  const minutes = Math.floor(Math.max(0, now - ms) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return formatWhen(ms, now);
}

/** A date and time for a ms timestamp, for lists where order matters (timelines). */
export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/**
 * When an email was sent: from `sentAt` (short, or with the time when `full`) when the
 * backend could read the Date header, else the header as written.
 */
export function formatEmailDate(
  email: Pick<EmailSummary, "sentAt" | "date">,
  { full = false, now = Date.now() }: { full?: boolean; now?: number } = {},
): string {
  if (email.sentAt !== null) return full ? formatDateTime(email.sentAt) : formatWhen(email.sentAt, now);
  return email.date?.trim() || "No date";
}

/** Where an email came from: "work · INBOX" for synced mail, the file's name for an import. */
export function emailOrigin(email: Pick<EmailSummary, "account" | "folder" | "source">): string | null {
  if (email.account) return email.folder ? `${email.account} · ${email.folder}` : email.account;
  return email.source ? baseName(email.source) : null;
}

/** A 0..1 confidence as a whole percentage. */
export function formatPercent(confidence: number | null | undefined): string {
  if (confidence === null || confidence === undefined || Number.isNaN(confidence)) return "—";
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`;
}

/** A duration in microseconds, at a precision a person reads. */
export function formatDuration(us: number): string {
  if (us < 1000) return "<1 ms";
  const ms = us / 1000;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function totalTokens(u: TokenUsage): number {
  return u.input + u.cachedInput + u.output + u.reasoning;
}

export function formatCount(n: number): string {
  return n.toLocaleString();
}

/** "1 email", "3 emails". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function formatTokens(u: TokenUsage): string {
  return plural(totalTokens(u), "token");
}

/** The breakdown behind formatTokens, for a tooltip. */
export function tokenBreakdown(u: TokenUsage): string {
  return `input ${formatCount(u.input)} · cached ${formatCount(u.cachedInput)} · output ${formatCount(u.output)} · reasoning ${formatCount(u.reasoning)}`;
}

/** Who answered: the built-in rules, or provider · model. */
export function engineLabel(e: Pick<ExecutionRecord, "engine" | "provider" | "model">): string {
  if (e.engine === "builtin") return "built-in rules";
  const parts = [e.provider, e.model].filter((p): p is string => !!p);
  if (parts.length > 0) return parts.join(" · ");
  return e.engine === "llm" ? "language model" : "custom code";
}

const CATEGORY_LABELS: Record<EmailCategory, string> = {
  application_received: "Application received",
  interview_invite: "Interview invite",
  assessment: "Assessment",
  offer: "Offer",
  rejection: "Rejection",
  recruiter_outreach: "Recruiter outreach",
  follow_up_needed: "Follow-up needed",
  other: "Other",
};

export function categoryLabel(c: EmailCategory): string {
  return CATEGORY_LABELS[c] ?? c;
}

const URGENCY_LABELS: Record<Urgency, string> = { low: "Low", medium: "Medium", high: "High" };

export function urgencyLabel(u: Urgency): string {
  return URGENCY_LABELS[u] ?? u;
}

const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  apply: "Apply",
  consider: "Consider",
  skip: "Skip",
};

export function recommendationLabel(r: Recommendation): string {
  return RECOMMENDATION_LABELS[r] ?? r;
}

/** What a review item proposes, in one line. */
export function describeReviewItem(item: ReviewItem): string {
  const company = item.company ?? (item.applicationId !== null ? `Application #${item.applicationId}` : "Unknown company");
  if (item.kind === "new_application") {
    const role = item.role ? ` — ${item.role}` : "";
    const status = item.proposedStatus ? ` (${item.proposedStatus})` : "";
    return `New application: ${company}${role}${status}`;
  }
  return `${company} — ${item.currentStatus ?? "?"} → ${item.proposedStatus ?? "?"}`;
}

/** "rust, sql ,, go" → ["rust", "sql", "go"]. */
export function parseList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function joinList(items: string[]): string {
  return items.join(", ");
}

/** The last segment of a file path (either separator). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** Dollars for people: "$0" for nothing, four significant decimals for cents and less. */
export function formatCost(dollars: number): string {
  if (dollars === 0) return "$0";
  if (dollars >= 1) return `$${dollars.toFixed(2)}`;
  return `$${dollars.toPrecision(2).replace(/0+$/, "").replace(/\.$/, "")}`;
}
