import { useCallback, useEffect, useState, type FormEvent } from "react";
import { backend } from "../backend";
import type { IpcError, KeyStatus } from "../types";
import { ConfirmDialog } from "../shared/ConfirmDialog";
import { Field } from "../shared/Field";

/** The backend's limit. */
export const MAX_KEY_CHARS = 1024;

type Status = { state: "loading" } | { state: "ready"; key: KeyStatus } | { state: "failed"; error: IpcError };

interface Props {
  /** The keychain entry: the provider name, or the one derived from the base URL. */
  provider: string;
  /** Whether OPENAI_API_KEY holds a key (then runs use it and never ask the keychain). */
  envApiKey: boolean;
}

/** What a key that cannot be read means for the person. */
function unavailable(error: IpcError): string {
  return error.code === "keychain_unavailable"
    ? `The system keychain cannot be used: ${error.message} Unlock it (or install one such as GNOME Keyring) and try again. Until then the agents use OPENAI_API_KEY if set, or their built-in rules.`
    : error.message;
}

/**
 * The API key in the OS keychain: whether one is stored and its last 4 characters,
 * set or replace it, remove it. The key itself is sent once, to the keychain, and
 * never shown or kept here.
 */
export function ApiKeyForm({ provider, envApiKey }: Props) {
  const [status, setStatus] = useState<Status>({ state: "loading" });
  const [key, setKey] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const load = useCallback(() => {
    let cancelled = false;
    setStatus({ state: "loading" });
    backend.getKeyStatus(provider).then(
      (k) => !cancelled && setStatus({ state: "ready", key: k }),
      (e) => !cancelled && setStatus({ state: "failed", error: e as IpcError }),
    );
    return () => {
      cancelled = true;
    };
  }, [provider]);
  useEffect(load, [load]);

  const stored = status.state === "ready" && status.key.stored;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setDone(null);
    const trimmed = key.trim();
    if (trimmed === "") return setFieldError("Paste the API key first");
    if (trimmed.length > MAX_KEY_CHARS) return setFieldError(`An API key is at most ${MAX_KEY_CHARS} characters`);
    if (/\s/.test(trimmed)) return setFieldError("An API key has no spaces or line breaks; paste it again");
    setFieldError(null);
    setBusy(true);
    try {
      const next = await backend.setApiKey(provider, trimmed);
      setStatus({ state: "ready", key: next });
      setKey("");
      setDone(stored ? "Key replaced" : "Key saved");
    } catch (err) {
      const ipc = err as IpcError;
      if (ipc.code === "invalid_input" && ipc.field === "key") setFieldError(ipc.message);
      else setFailure(ipc);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setConfirming(false);
    setFailure(null);
    setDone(null);
    setBusy(true);
    try {
      setStatus({ state: "ready", key: await backend.removeApiKey(provider) });
      setDone("Key removed");
    } catch (err) {
      setFailure(err as IpcError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="settings-card" onSubmit={submit} noValidate aria-labelledby="api-key-title" data-testid="api-key-form">
      <h3 id="api-key-title" className="settings-subtitle">
        API key
      </h3>
      <p className="muted settings-card-intro">
        Kept in the system keychain under <code>{provider}</code>, never in Jobtrail's files, logs or exports. A local server such as
        Ollama needs no key; with neither a key nor a base URL the agents run on their built-in rules, offline and free.
      </p>

      <div className="key-status" role="status" data-testid="api-key-status">
        {status.state === "loading" && <span className="muted">Checking the keychain…</span>}
        {status.state === "ready" &&
          (status.key.stored ? (
            <span>
              <span className="chip chip-ok">Stored</span> ending in <code data-testid="api-key-last4">{status.key.last4}</code>
              {envApiKey ? " — OPENAI_API_KEY is set, so runs use it instead." : ""}
            </span>
          ) : (
            <span>
              <span className="chip chip-off">No key stored</span>
              {envApiKey ? " — the key in OPENAI_API_KEY is used." : ""}
            </span>
          ))}
        {status.state === "failed" && (
          <span className="banner banner-warning" data-testid="api-key-unavailable">
            {unavailable(status.error)}{" "}
            <button type="button" className="btn-link" onClick={load}>
              Check again
            </button>
          </span>
        )}
      </div>

      <Field
        id="api-key"
        label={stored ? "Replace the key" : "Key"}
        hint="Paste it here; it goes straight to the keychain."
        error={fieldError ?? undefined}
        errorTestId="field-error-key"
        className="field-wide"
      >
        {(control) => (
          <input
            {...control}
            type="password"
            name="key"
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              setDone(null);
            }}
            autoComplete="off"
            spellCheck={false}
            placeholder={stored ? "New key" : "sk-…"}
            data-testid="api-key-input"
          />
        )}
      </Field>

      {failure && (
        <div className="banner banner-error" role="alert" data-testid="api-key-error">
          {unavailable(failure)}
        </div>
      )}
      <div className="form-actions">
        {done && (
          <span className="saved" role="status" data-testid="api-key-done">
            {done}
          </span>
        )}
        {stored && (
          <button type="button" className="btn btn-danger-quiet" disabled={busy} onClick={() => setConfirming(true)} data-testid="api-key-remove">
            Remove key
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy || undefined} data-testid="api-key-save">
          {busy ? "Saving…" : stored ? "Replace key" : "Save key"}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog title="Remove the API key?" confirmLabel="Remove" onConfirm={remove} onCancel={() => setConfirming(false)}>
          The key for {provider} is deleted from the keychain. Agents then use OPENAI_API_KEY if set, or their built-in rules.
        </ConfirmDialog>
      )}
    </form>
  );
}
