import { describe, expect, it } from "vitest";
import { runSeries } from "./runSeries";

describe("runs chart", () => {
  it("stacks failures over the total, so neither hides the other", () => {
    const [total, failed] = runSeries({ executions: [5, 2, 0], failures: [1, 2, 0], succeeded: [4, 0, 0] });
    // Drawn first and as tall as all runs; the failures are drawn over its foot.
    expect(total).toEqual(expect.objectContaining({ label: "Succeeded", values: [5, 2, 0], legend: [4, 0, 0], kind: "bars" }));
    expect(failed).toEqual(expect.objectContaining({ label: "Failed", values: [1, 2, 0], kind: "bars" }));
    expect(failed!.legend).toBeUndefined();
  });
});
