import { useState, type FormEvent } from "react";
import { backend } from "../backend";
import { ConfirmDialog } from "../shared/ConfirmDialog";
import { Field } from "../shared/Field";
import { settle, useLoad } from "../shared/useBackend";
import type { IpcError } from "../types";

/** The backend's limit. */
export const MAX_KEY_CHARS = 1024;

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
  // Another provider's status is not shown while this one's loads.
  const status = useLoad(() => backend.getKeyStatus(provider), [provider], { clearErrorOnLoad: true, key: provider });
  const keyStatus = status.error ? undefined : status.data;
  const [key, setKey] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Saving and removing: under way, and a failure no field is to blame for.
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const stored = keyStatus?.stored ?? false;

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
    const saved = await settle(backend.setApiKey(provider, trimmed));
    if (saved.ok) {
      status.setData(() => saved.value);
      setKey("");
      setDone(stored ? "Key replaced" : "Key saved");
    } else if (saved.error.code === "invalid_input" && saved.error.field === "key") {
      setFieldError(saved.error.message);
    } else {
      setFailure(saved.error);
    }
    setBusy(false);
  };

  const remove = async () => {
    setConfirming(false);
    setFailure(null);
    setDone(null);
    setBusy(true);
    const removed = await settle(backend.removeApiKey(provider));
    if (removed.ok) {
      status.setData(() => removed.value);
      setDone("Key removed");
    } else {
      setFailure(removed.error);
    }
    setBusy(false);
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
        {!keyStatus && !status.error && <span className="muted">Checking the keychain…</span>}
        {keyStatus &&
          (keyStatus.stored ? (
            <span>
              <span className="chip chip-ok">Stored</span> ending in <code data-testid="api-key-last4">{keyStatus.last4}</code>
              {envApiKey ? " — OPENAI_API_KEY is set, so runs use it instead." : ""}
            </span>
          ) : (
            <span>
              <span className="chip chip-off">No key stored</span>
              {envApiKey ? " — the key in OPENAI_API_KEY is used." : ""}
            </span>
          ))}
        {status.error && (
          <span className="banner banner-warning" data-testid="api-key-unavailable">
            {unavailable(status.error)}{" "}
            <button type="button" className="btn-link" onClick={() => void status.reload()}>
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
