import { describe, expect, it, vi } from "vitest";

describe("locale", () => {
  it("replaces a language Intl refuses (LANG=C) before anything formats numbers", async () => {
    const spy = vi.spyOn(navigator, "language", "get").mockReturnValue("c");
    expect(() => new Intl.NumberFormat(navigator.language)).toThrow();
    spy.mockRestore();
    Object.defineProperty(navigator, "language", { get: () => "c", configurable: true });
    await import("./locale");
    expect(navigator.language).toBe("en-US");
    expect(() => new Intl.NumberFormat(navigator.language)).not.toThrow();
  });
});
