import { describe, expect, it } from "vitest";
import { formatCost } from "./format";

describe("formatCost", () => {
  it("shows small amounts with two significant digits and large ones in cents", () => {
    expect(formatCost(0)).toBe("$0");
    expect(formatCost(0.00045)).toBe("$0.00045");
    expect(formatCost(0.015)).toBe("$0.015");
    expect(formatCost(0.1)).toBe("$0.1");
    expect(formatCost(12.3456)).toBe("$12.35");
  });
});
