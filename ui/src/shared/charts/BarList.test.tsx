import { render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BarList } from "./BarList";

afterEach(() => vi.restoreAllMocks());

describe("bar list", () => {
  it("draws bars whose labels repeat, each once", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const bars = [
      { label: "gpt-4o-mini", value: 2, detail: "$2.00" },
      { label: "gpt-4o-mini", value: 1, detail: "$1.00" },
    ];
    const { rerender } = render(<BarList title="Cost by model" bars={bars} empty="None." testId="bars" />);
    // Reordered, as a reload may: with label keys React would mix the two up.
    rerender(<BarList title="Cost by model" bars={[...bars].reverse()} empty="None." testId="bars" />);
    const items = within(screen.getByTestId("bars")).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual(["gpt-4o-mini$1.00", "gpt-4o-mini$2.00"]);
    // React reports duplicate keys as errors.
    expect(error).not.toHaveBeenCalled();
  });
});
