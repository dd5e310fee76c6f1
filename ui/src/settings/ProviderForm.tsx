import { backend } from "../backend";
import { Field } from "../shared/Field";
import { useSettingsForm, type FieldErrors } from "../shared/useSettingsForm";
import type { ProviderSettings } from "../types";

interface Fields {
  provider: string;
  baseUrl: string;
}

function toFields(p: ProviderSettings): Fields {
  return { provider: p.provider ?? "", baseUrl: p.baseUrl ?? "" };
}

/** An empty field means "not set": the backend falls back to the environment. */
function orNull(text: string): string | null {
  const t = text.trim();
  return t === "" ? null : t;
}

/** Nothing to check here: the backend checks and normalises both fields. */
function parse(f: Fields): { draft: ProviderSettings; errors: FieldErrors<Fields> } {
  return { draft: { provider: orNull(f.provider), baseUrl: orNull(f.baseUrl) }, errors: {} };
}

/** Which OpenAI-compatible endpoint the agents call. The backend checks and normalises both fields. */
export function ProviderForm({ initial, onSaved }: { initial: ProviderSettings; onSaved?: (p: ProviderSettings) => void }) {
  const form = useSettingsForm({ initial: toFields(initial), parse, save: backend.setProviderSettings, toFields, onSaved });
  const { fields, errors, failure, saving, saved, dirty } = form;

  return (
    <form className="provider-form settings-card" onSubmit={form.submit} noValidate aria-labelledby="provider-title" data-testid="provider-form">
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
              onChange={(e) => form.set("provider", e.target.value)}
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
              onChange={(e) => form.set("baseUrl", e.target.value)}
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
