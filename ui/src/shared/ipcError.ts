// What a failed backend call rejects with, whatever rejected it. Apart from the
// backend module so that the hooks that hand errors to components keep working when a
// test replaces that module with a fake.
import type { IpcError } from "../types";

/** Longest error message shown, in characters (errors may quote what was sent). */
const MAX_MESSAGE = 400;

const clip = (text: string) => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text);

/** Tauri's own refusal of an argument that does not fit a command's signature. */
const TAURI_ARG = /^invalid args `([^`]+)` for command `[^`]+`: (.*)$/s;

/** Whether `e` already is an IpcError: a command's own rejection, or one passed on. */
function isIpcError(e: unknown): e is IpcError {
  return typeof e === "object" && e !== null && "message" in e && "code" in e;
}

/** Turns whatever a command rejected with into an IpcError. */
export function toIpcError(e: unknown): IpcError {
  if (isIpcError(e)) return e;
  const text = typeof e === "string" ? e : String(e);
  const arg = TAURI_ARG.exec(text);
  if (arg) {
    return { code: "invalid_input", field: arg[1], message: clip(`${arg[1]}: ${arg[2]}`) };
  }
  return { code: "internal", message: clip(text) };
}
