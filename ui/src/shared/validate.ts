// Checks for what people type into number fields. Each returns the value to send or
// the sentence to show next to the field; the backend checks again and has the last word.

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export interface NumberRule {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** Whether `min` itself is refused (a budget of $0 is no budget). */
  exclusiveMin?: boolean;
  /** Most decimals accepted (money: 9, as the backend stores nanodollars). */
  decimals?: number;
  /** What the number counts, for the message: "hours", "retries". */
  unit?: string;
}

const plain = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 9 });

function describe(rule: NumberRule): string {
  const kind = rule.integer ? "a whole number" : "a number";
  const unit = rule.unit ? ` ${rule.unit}` : "";
  const from = rule.exclusiveMin ? `more than ${plain(rule.min)}` : `from ${plain(rule.min)}`;
  return `Enter ${kind} ${from} to ${plain(rule.max)}${unit}`;
}

/** Commas only as thousands separators: "1,234", "12,345.67". */
const GROUPED = /^[+]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** A required number within `rule`; commas as thousands separators are accepted. */
export function parseNumber(text: string, rule: NumberRule): Parsed<number> {
  const typed = text.trim().replace(/^\$/, "");
  // "1,5" is a decimal comma, not fifteen: refuse any comma that is not a thousands separator.
  if (typed.includes(",") && !GROUPED.test(typed)) {
    return { ok: false, error: "Use a point for decimals (1.5); commas may only separate thousands (1,234)" };
  }
  const t = typed.replace(/,/g, "");
  // Number("") is 0 and Number("0x10") is 16: only plain decimals pass.
  if (!/^[+]?(\d+\.?\d*|\.\d+)$/.test(t)) return { ok: false, error: describe(rule) };
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, error: describe(rule) };
  if (rule.integer && !Number.isInteger(n)) return { ok: false, error: describe(rule) };
  if (n > rule.max || n < rule.min || (rule.exclusiveMin && n === rule.min)) return { ok: false, error: describe(rule) };
  const decimals = t.includes(".") ? t.split(".")[1]!.length : 0;
  if (rule.decimals !== undefined && decimals > rule.decimals) {
    return { ok: false, error: `Use at most ${rule.decimals} decimals` };
  }
  return { ok: true, value: n };
}

/** Like `parseNumber`, but an empty field is `null` ("not set"). */
export function parseOptionalNumber(text: string, rule: NumberRule): Parsed<number | null> {
  if (text.trim() === "") return { ok: true, value: null };
  const parsed = parseNumber(text, rule);
  return parsed.ok ? parsed : { ok: false, error: `${parsed.error}, or leave it empty` };
}

/** The text a number field starts with: "" for none. */
export function numberText(n: number | null | undefined): string {
  return n === null || n === undefined ? "" : String(n);
}

/** Dollar amounts: above $0, at most $1,000,000, to the nanodollar. */
export const MONEY: NumberRule = { min: 0, max: 1_000_000, exclusiveMin: true, decimals: 9, unit: "dollars" };
