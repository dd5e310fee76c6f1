// The agents as the UI shows them, in one place. Their names and the limits of their
// settings are the backend's (jobtrail_core::settings: AGENTS, TEMPERATURE,
// MAX_TOKENS, and check_draft's 100-character model names), copied here once until
// the generated bindings carry them; the labels and descriptions are the UI's own.

/** The agents whose settings can be stored, in the backend's order. */
export const AGENT_NAMES = ["email-analyst", "job-match", "follow-up"] as const;

export type AgentName = (typeof AGENT_NAMES)[number];

/** What the UI calls each agent, and what it does. */
const AGENT_TEXT: Record<AgentName, { label: string; description: string }> = {
  "email-analyst": {
    label: "Email analyst",
    description: "Sorts imported mail, finds the company, role and dates, and proposes status changes.",
  },
  "job-match": { label: "Job match", description: "Scores a job post against your profile." },
  "follow-up": { label: "Follow-up", description: "Drafts a follow-up for applications that have gone quiet." },
};

function isAgentName(agent: string): agent is AgentName {
  return (AGENT_NAMES as readonly string[]).includes(agent);
}

/** An agent's label; its name for one the UI has no label for (the backend may list more). */
export function agentLabel(agent: string): string {
  return isAgentName(agent) ? AGENT_TEXT[agent].label : agent;
}

/** What an agent does, in a sentence; empty for one the UI does not know. */
export function agentDescription(agent: string): string {
  return isAgentName(agent) ? AGENT_TEXT[agent].description : "";
}

/** The ranges the backend accepts for an agent's settings (set_agent_config). */
export const AGENT_LIMITS = {
  temperature: { min: 0, max: 2 },
  maxTokens: { min: 1, max: 200_000 },
  /** Characters in a model's name. */
  modelChars: 100,
} as const;
