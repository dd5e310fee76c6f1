import { describe, expect, it } from "vitest";
import { MONEY, numberText, parseNumber, parseOptionalNumber } from "./validate";

describe("parseNumber", () => {
  const retries = { min: 0, max: 10, integer: true, unit: "retries" };

  it("reads plain decimals, thousands separators and a dollar sign", () => {
    expect(parseNumber("3", retries)).toEqual({ ok: true, value: 3 });
    expect(parseNumber(" 2.5 ", { min: 1, max: 10 })).toEqual({ ok: true, value: 2.5 });
    expect(parseNumber("1,000", { min: 0, max: 1e6 })).toEqual({ ok: true, value: 1000 });
    expect(parseNumber("$0.10", MONEY)).toEqual({ ok: true, value: 0.1 });
    expect(parseNumber(".5", { min: 0, max: 1 })).toEqual({ ok: true, value: 0.5 });
  });

  it("accepts commas only as thousands separators", () => {
    const wide = { min: 0, max: 1e9 };
    expect(parseNumber("1,234", wide)).toEqual({ ok: true, value: 1234 });
    expect(parseNumber("12,345.67", wide)).toEqual({ ok: true, value: 12345.67 });
    expect(parseNumber("1,234,567", wide)).toEqual({ ok: true, value: 1234567 });
    expect(parseNumber("$1,000.50", MONEY)).toEqual({ ok: true, value: 1000.5 });
    for (const text of ["1,5", "1,23", ",5", "1,,234", "1234,567", "1,2345", "1,234,56", "1.234,5", "1,"]) {
      const parsed = parseNumber(text, wide);
      expect(parsed, text).toEqual({ ok: false, error: expect.stringContaining("commas may only separate thousands") });
    }
    expect(parseOptionalNumber("0,5", MONEY)).toEqual({ ok: false, error: expect.stringMatching(/Use a point for decimals.*, or leave it empty$/) });
  });

  it("refuses what is not a plain number, with the range in the message", () => {
    for (const text of ["", "abc", "1e3", "0x10", "-1", "Infinity", "NaN", "1.2.3", "½"]) {
      const parsed = parseNumber(text, retries);
      expect(parsed, text).toEqual({ ok: false, error: "Enter a whole number from 0 to 10 retries" });
    }
  });

  it("refuses numbers out of range, fractions where whole numbers go, and $0 budgets", () => {
    expect(parseNumber("11", retries).ok).toBe(false);
    expect(parseNumber("2.5", retries).ok).toBe(false);
    expect(parseNumber("0", MONEY)).toEqual({ ok: false, error: "Enter a number more than 0 to 1,000,000 dollars" });
    expect(parseNumber("1000000.01", MONEY).ok).toBe(false);
    expect(parseNumber("1000000", MONEY)).toEqual({ ok: true, value: 1_000_000 });
  });

  it("refuses more decimals than the backend stores", () => {
    expect(parseNumber("0.0000000001", MONEY)).toEqual({ ok: false, error: "Use at most 9 decimals" });
    expect(parseNumber("0.000000001", MONEY)).toEqual({ ok: true, value: 1e-9 });
  });
});

describe("parseOptionalNumber", () => {
  it("treats an empty field as not set and says so in errors", () => {
    expect(parseOptionalNumber("  ", MONEY)).toEqual({ ok: true, value: null });
    expect(parseOptionalNumber("-5", MONEY)).toEqual({
      ok: false,
      error: "Enter a number more than 0 to 1,000,000 dollars, or leave it empty",
    });
  });

  it("round-trips through numberText", () => {
    expect(numberText(null)).toBe("");
    expect(numberText(undefined)).toBe("");
    expect(parseOptionalNumber(numberText(0.25), MONEY)).toEqual({ ok: true, value: 0.25 });
  });
});
