import { useState } from "react";
import { backend } from "../backend";
import { Field } from "../shared/Field";
import { settle } from "../shared/useBackend";
import { useSettingsForm, type FieldErrors } from "../shared/useSettingsForm";
import { parseNumber } from "../shared/validate";
import type { AccountDraft, FolderInfo, IpcError, MailAccount, Security } from "../types";

/** The backend's limits (mail/account.rs, secrets.rs). */
export const NAME_PATTERN = /^[a-z0-9_-]{1,32}$/;
export const MAX_FOLDERS = 20;
export const MAX_PASSWORD_CHARS = 1024;

/** Each security's usual port, shown as the placeholder (the backend's defaults). */
export const DEFAULT_PORT: Record<Security, number> = { tls: 993, starttls: 143, none: 143 };

const SECURITY_LABELS: Record<Security, string> = {
  tls: "TLS (port 993)",
  starttls: "STARTTLS (port 143)",
  none: "None — only this computer (a local bridge)",
};

interface Fields {
  name: string;
  host: string;
  security: Security;
  port: string;
  user: string;
  /** Typed here only; never filled from what is stored. */
  password: string;
  /** One per line. */
  folders: string;
  since: string;
}

/** What Save and Test connection send. */
interface Draft {
  draft: AccountDraft;
  /** Null: keep (or test with) the stored one. */
  password: string | null;
}

const toFields = (a: MailAccount | null): Fields =>
  a === null
    ? { name: "", host: "", security: "tls", port: "", user: "", password: "", folders: "INBOX", since: "" }
    : {
        name: a.name,
        host: a.host,
        security: a.security,
        port: a.port === DEFAULT_PORT[a.security] ? "" : String(a.port),
        user: a.user,
        password: "",
        folders: a.folders.join("\n"),
        since: a.since,
      };

/** The folders as typed, one per line, each once. */
export function folderLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const f = line.trim();
    if (f && !out.includes(f)) out.push(f);
  }
  return out;
}

const isLoopback = (host: string) => /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);

/** Today as the backend sees it: the UTC date (east of UTC, the local date is a day ahead for some hours). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Checks what was typed; `adding`: a password is required. */
function parse(f: Fields, existing: MailAccount | null): { draft: Draft; errors: FieldErrors<Fields> } {
  const errors: FieldErrors<Fields> = {};
  const name = f.name.trim().toLowerCase();
  if (!NAME_PATTERN.test(name)) errors.name = "Use 1 to 32 lowercase letters, digits, dashes or underscores (like work or gmail)";
  const host = f.host.trim();
  if (host === "") errors.host = "Enter the mail server, such as imap.gmail.com";
  else if (/[\s/]|:\/\//.test(host)) errors.host = "Enter the server name only (no imap:// and no port)";
  else if (f.security === "none" && !isLoopback(host)) {
    errors.security = "Without encryption only this computer (localhost) can be reached: a password never crosses a network in clear text";
  }
  let port: number | null = null;
  if (f.port.trim() !== "") {
    const p = parseNumber(f.port, { min: 1, max: 65535, integer: true });
    if (p.ok) port = p.value;
    else errors.port = "Enter a port from 1 to 65535, or leave it empty for the usual one";
  }
  const user = f.user.trim();
  if (user === "") errors.user = "Enter your login name (usually your address)";
  const password = f.password.replace(/[\r\n]+$/, "");
  if (password === "" && existing === null) errors.password = "Enter the app password";
  else if (password.length > MAX_PASSWORD_CHARS) errors.password = `An app password is at most ${MAX_PASSWORD_CHARS} characters`;
  const folders = folderLines(f.folders);
  if (folders.length > MAX_FOLDERS) errors.folders = `Watch at most ${MAX_FOLDERS} folders per account`;
  const since = f.since.trim();
  if (since !== "" && (!/^\d{4}-\d{2}-\d{2}$/.test(since) || since > today())) {
    errors.since = "Choose a day in the past, or leave it empty for the last 90 days";
  }
  return {
    draft: {
      draft: {
        name,
        host,
        port,
        security: f.security,
        user,
        folders,
        since: since === "" ? null : since,
        enabled: existing?.enabled ?? true,
      },
      password: password === "" ? null : password,
    },
    errors,
  };
}

type Test = { state: "idle" } | { state: "testing" } | { state: "ok"; folders: FolderInfo[] } | { state: "failed"; error: IpcError };

interface Props {
  /** The account to edit; null to add one. */
  account: MailAccount | null;
  /** Called with what was stored. */
  onSaved: (account: MailAccount) => void;
  onCancel: () => void;
}

/**
 * Adds or edits a mail account. The app password is typed here, sent once to be
 * checked and stored in the keychain, and never shown again.
 */
export function MailAccountForm({ account, onSaved, onCancel }: Props) {
  const adding = account === null;
  const form = useSettingsForm({
    initial: toFields(account),
    parse: (f: Fields) => parse(f, account),
    // Adding always has a password (parse asks for it).
    save: ({ draft, password }: Draft) => (adding ? backend.addMailAccount(draft, password ?? "") : backend.updateMailAccount(draft, password)),
    toFields,
    onSaved,
  });
  const [test, setTest] = useState<Test>({ state: "idle" });
  const f = form.fields;
  const needsPassword = account?.status === "needs_password";

  const testConnection = async () => {
    const checked = form.check();
    if (checked === null) return;
    setTest({ state: "testing" });
    const tested = await settle(backend.testMailAccount(checked.draft, checked.password));
    if (tested.ok) {
      setTest({ state: "ok", folders: tested.value });
    } else if (tested.error.code === "invalid_input" && tested.error.field && tested.error.field in f) {
      form.showError(tested.error);
      setTest({ state: "idle" });
    } else {
      setTest({ state: "failed", error: tested.error });
    }
  };

  const addFolder = (name: string) => {
    const current = folderLines(f.folders);
    if (!current.includes(name)) form.set("folders", [...current, name].join("\n"));
  };

  const text = (name: "name" | "host" | "user", label: string, hint: string, extra: { placeholder?: string; disabled?: boolean } = {}) => (
    <Field id={`mail-${name}`} label={label} hint={hint} error={form.errors[name]} errorTestId={`field-error-${name}`}>
      {(control) => (
        <input
          {...control}
          type="text"
          name={name}
          value={f[name]}
          onChange={(e) => form.set(name, e.target.value)}
          autoComplete="off"
          spellCheck={false}
          data-testid={`mail-${name}`}
          {...extra}
        />
      )}
    </Field>
  );

  return (
    <form className="mail-account-form" onSubmit={form.submit} noValidate data-testid="mail-account-form">
      {needsPassword && (
        <p className="banner banner-warning" data-testid="mail-needs-password">
          {account.error ?? "The server refused the password."} Enter a new app password to sync this account again.
        </p>
      )}
      <div className="grid">
        {text("name", "Name", adding ? "Your name for it: work, gmail…" : "The name cannot change.", {
          placeholder: "work",
          disabled: !adding,
        })}
        {text("host", "Server", "The IMAP server, from your mail provider's help pages.", { placeholder: "imap.gmail.com" })}
        <Field id="mail-security" label="Security" hint="How the connection is protected." error={form.errors.security} errorTestId="field-error-security">
          {(control) => (
            <select
              {...control}
              name="security"
              value={f.security}
              onChange={(e) => form.set("security", e.target.value as Security)}
              data-testid="mail-security"
            >
              {(Object.keys(SECURITY_LABELS) as Security[]).map((s) => (
                <option key={s} value={s}>
                  {SECURITY_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="mail-port" label="Port" hint="Empty: the usual port for the security chosen." error={form.errors.port} errorTestId="field-error-port">
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              name="port"
              value={f.port}
              onChange={(e) => form.set("port", e.target.value)}
              placeholder={String(DEFAULT_PORT[f.security])}
              autoComplete="off"
              data-testid="mail-port"
            />
          )}
        </Field>
        {text("user", "User", "Your login, usually your address.", { placeholder: "me@example.com" })}
        <Field
          id="mail-password"
          label={adding ? "App password" : "New app password"}
          hint={
            adding
              ? "Create one in your account's security settings (Gmail: 2-step verification, then App passwords). Stored in the system keychain."
              : "Leave empty to keep the stored one."
          }
          error={form.errors.password}
          errorTestId="field-error-password"
        >
          {(control) => (
            <input
              {...control}
              type="password"
              name="password"
              value={f.password}
              onChange={(e) => form.set("password", e.target.value)}
              autoComplete="new-password"
              spellCheck={false}
              data-testid="mail-password"
            />
          )}
        </Field>
        <Field
          id="mail-folders"
          label="Folders"
          hint="One per line; empty: INBOX. Test the connection to pick from the server's folders."
          error={form.errors.folders}
          errorTestId="field-error-folders"
        >
          {(control) => (
            <textarea
              {...control}
              name="folders"
              rows={3}
              value={f.folders}
              onChange={(e) => form.set("folders", e.target.value)}
              spellCheck={false}
              data-testid="mail-folders"
            />
          )}
        </Field>
        <Field
          id="mail-since"
          label="Since"
          hint="How far back the first sync reaches; empty: the last 90 days."
          error={form.errors.since}
          errorTestId="field-error-since"
        >
          {(control) => (
            <input
              {...control}
              type="date"
              name="since"
              value={f.since}
              max={today()}
              onChange={(e) => form.set("since", e.target.value)}
              data-testid="mail-since"
            />
          )}
        </Field>
      </div>

      <div className="mail-test" role="status" aria-live="polite" data-testid="mail-test-result">
        {test.state === "testing" && <span className="muted">Logging in…</span>}
        {test.state === "ok" && (
          <>
            <span className="saved">Logged in. The server's folders (click one to watch it):</span>
            <ul className="mail-folder-list">
              {test.folders
                .filter((folder) => folder.selectable)
                .map((folder) => {
                  const watched = folderLines(f.folders).includes(folder.name);
                  return (
                    <li key={folder.name}>
                      <button
                        type="button"
                        className={`chip chip-button${watched ? " chip-ok" : ""}`}
                        aria-pressed={watched}
                        onClick={() => addFolder(folder.name)}
                        data-testid="mail-test-folder"
                      >
                        {folder.name}
                      </button>
                    </li>
                  );
                })}
            </ul>
          </>
        )}
        {test.state === "failed" && (
          <span className="banner banner-error" role="alert" data-testid="mail-test-error">
            Could not connect: {test.error.message}
          </span>
        )}
      </div>

      {form.failure && (
        <div className="banner banner-error" role="alert" data-testid="mail-save-error">
          Could not save: {form.failure.message}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void testConnection()}
          disabled={test.state === "testing" || form.saving}
          aria-busy={test.state === "testing" || undefined}
          data-testid="mail-test"
        >
          {test.state === "testing" ? "Testing…" : "Test connection"}
        </button>
        <button type="submit" className="btn btn-primary" disabled={form.saving} aria-busy={form.saving || undefined} data-testid="mail-save">
          {form.saving ? "Checking the login…" : adding ? "Add account" : "Save"}
        </button>
      </div>
    </form>
  );
}
