import { useState, type FormEvent } from "react";
import { backend } from "../backend";
import type { IpcError, ProviderSettings } from "../types";
import { Field } from "../shared/Field";

interface Fields {
  provider: string;
  baseUrl: string;
}

type FieldName = keyof Fields;
type Errors = Partial<Record<FieldName, string>>;

const FIELD_NAMES: readonly string[] = ["provider", "baseUrl"] satisfies FieldName[];

function toFields(p: ProviderSettings): Fields {
  return { provider: p.provider ?? "", baseUrl: p.baseUrl ?? "" };
}

/** An empty field means "not set": the backend falls back to the environment. */
function orNull(text: string): string | null {
  const t = text.trim();
  return t === "" ? null : t;
}

/** Which OpenAI-compatible endpoint the agents call. The backend checks and normalises both fields. */
export function ProviderForm({ initial, onSaved }: { initial: ProviderSettings; onSaved?: (p: ProviderSettings) => void }) {
  const [fields, setFields] = useState<Fields>(() => toFields(initial));
  const [stored, setStored] = useState<Fields>(() => toFields(initial));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const update = (name: FieldName, value: string) => {
    setFields({ ...fields, [name]: value });
    setSaved(false);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFailure(null);
    setSaved(false);
    setSaving(true);
    try {
      const result = await backend.setProviderSettings({ provider: orNull(fields.provider), baseUrl: orNull(fields.baseUrl) });
      setFields(toFields(result));
      setStored(toFields(result));
      setSaved(true);
      onSaved?.(result);
    } catch (err) {
      const ipc = err as IpcError;
      if (ipc.code === "invalid_input" && ipc.field && FIELD_NAMES.includes(ipc.field)) {
        setErrors({ [ipc.field]: ipc.message });
      } else {
        setFailure(ipc);
      }
    } finally {
      setSaving(false);
    }
  };

  const dirty = fields.provider !== stored.provider || fields.baseUrl !== stored.baseUrl;

  return (
    <form className="provider-form settings-card" onSubmit={submit} noValidate aria-labelledby="provider-title" data-testid="provider-form">
      <h3 id="provider-title" className="settings-subtitle">
        Provider
      </h3>
      <div className="grid">
        <Field
          id="settings-provider"
          label="Provider name"
          hint="Names the keychain entry the API key is read from."
          error={errors.provider}
          errorTestId="field-error-provider"
        >
          {(control) => (
            <input
              {...control}
              name="provider"
              value={fields.provider}
              onChange={(e) => update("provider", e.target.value)}
              maxLength={40}
              autoComplete="off"
              spellCheck={false}
              placeholder="From the base URL when empty, e.g. openai, ollama"
              data-testid="provider-name"
            />
          )}
        </Field>
        <Field
          id="settings-base-url"
          label="Base URL"
          hint="OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 for Ollama; empty = OPENAI_BASE_URL or OpenAI"
          error={errors.baseUrl}
          errorTestId="field-error-baseUrl"
          className="field-wide"
        >
          {(control) => (
            <input
              {...control}
              type="url"
              name="baseUrl"
              value={fields.baseUrl}
              onChange={(e) => update("baseUrl", e.target.value)}
              autoComplete="off"
              spellCheck={false}
              data-testid="provider-base-url"
            />
          )}
        </Field>
      </div>
      {failure && (
        <div className="banner banner-error" role="alert" data-testid="provider-error">
          Could not save the provider: {failure.message}
        </div>
      )}
      <div className="form-actions">
        {saved && (
          <span className="saved" role="status" data-testid="provider-saved">
            Saved
          </span>
        )}
        {!saved && dirty && <span className="muted">Unsaved changes</span>}
        <button type="submit" className="btn btn-primary" disabled={saving} aria-busy={saving || undefined} data-testid="provider-save">
          {saving ? "Saving…" : "Save provider"}
        </button>
      </div>
    </form>
  );
}
