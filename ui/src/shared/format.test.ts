import { describe, expect, it } from "vitest";
import { formatAgo, formatCost } from "./format";

describe("formatCost", () => {
  it("shows small amounts with two significant digits and large ones in cents", () => {
    expect(formatCost(0)).toBe("$0");
    expect(formatCost(0.00045)).toBe("$0.00045");
    expect(formatCost(0.015)).toBe("$0.015");
    expect(formatCost(0.1)).toBe("$0.1");
    expect(formatCost(12.3456)).toBe("$12.35");
  });
});

describe("formatAgo", () => {
  it("says how long ago in words a person reads at a glance", () => {
    const now = Date.UTC(2026, 11, 6, 12);
    expect(formatAgo(now - 20_000, now)).toBe("just now");
    expect(formatAgo(now - 2 * 60_000, now)).toBe("2 min ago");
    expect(formatAgo(now - 3 * 3_600_000, now)).toBe("3 h ago");
    expect(formatAgo(now + 5_000, now)).toBe("just now");
  });
});
