// The agents as the UI shows them, in one place. Their names and the limits of their
// settings come from the backend through the generated bindings
// (jobtrail_core::agent::config); the labels and descriptions are the UI's own.

import { AGENT_LIMITS, AGENT_NAMES } from "../bindings";

export { AGENT_LIMITS, AGENT_NAMES };

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
