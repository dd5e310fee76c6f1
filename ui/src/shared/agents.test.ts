import { describe, expect, it } from "vitest";
import { AGENT_NAMES, agentDescription, agentLabel } from "./agents";

describe("agents", () => {
  it("labels and describes every agent, and names one the UI does not know", () => {
    for (const name of AGENT_NAMES) {
      expect(agentLabel(name)).not.toBe(name);
      expect(agentDescription(name)).not.toBe("");
    }
    expect(agentLabel("job-match")).toBe("Job match");
    expect(agentLabel("new-agent")).toBe("new-agent");
    expect(agentDescription("new-agent")).toBe("");
  });
});
