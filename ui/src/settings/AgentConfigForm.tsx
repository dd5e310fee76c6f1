import { useState, type ChangeEvent } from "react";
import { backend } from "../backend";
import { AGENT_LIMITS } from "../shared/agents";
import { Field } from "../shared/Field";
import { formatWhen } from "../shared/format";
import { useSettingsForm, type FieldErrors } from "../shared/useSettingsForm";
import type { AgentConfig, AgentConfigDraft } from "../types";

const { temperature: TEMPERATURE, maxTokens: MAX_TOKENS } = AGENT_LIMITS;

/** The form as typed: numbers stay text until saved. */
interface Fields {
  model: string;
  temperature: string;
  maxTokens: string;
  enabled: boolean;
}

type NumberField = "temperature" | "maxTokens";

function toFields(c: AgentConfig): Fields {
  return {
    model: c.model ?? "",
    temperature: c.temperature === null ? "" : String(c.temperature),
    maxTokens: c.maxTokens === null ? "" : String(c.maxTokens),
    enabled: c.enabled,
  };
}

/**
 * Parses the form into a draft, or says which fields cannot be sent. Empty fields are
 * null (the agent's or provider's default). `unreadable` marks number inputs whose text
 * the browser could not read as a number (their value is then "", which must not pass
 * for empty).
 */
export function toAgentDraft(
  f: Fields,
  unreadable: ReadonlySet<NumberField> = new Set(),
): { draft: AgentConfigDraft; errors: FieldErrors<Fields> } {
  const errors: FieldErrors<Fields> = {};

  let temperature: number | null = null;
  const t = f.temperature.trim();
  if (unreadable.has("temperature")) {
    errors.temperature = `Enter a number from ${TEMPERATURE.min} to ${TEMPERATURE.max}, or leave it empty`;
  } else if (t !== "") {
    const n = Number(t);
    if (Number.isFinite(n) && n >= TEMPERATURE.min && n <= TEMPERATURE.max) temperature = n;
    else errors.temperature = `Temperature goes from ${TEMPERATURE.min} to ${TEMPERATURE.max}; leave it empty for the provider's default`;
  }

  let maxTokens: number | null = null;
  const m = f.maxTokens.trim();
  if (unreadable.has("maxTokens")) {
    errors.maxTokens = `Enter a whole number from ${MAX_TOKENS.min} to ${MAX_TOKENS.max.toLocaleString()}, or leave it empty`;
  } else if (m !== "") {
    const n = Number(m);
    if (Number.isInteger(n) && n >= MAX_TOKENS.min && n <= MAX_TOKENS.max) maxTokens = n;
    else errors.maxTokens = `Enter a whole number from ${MAX_TOKENS.min} to ${MAX_TOKENS.max.toLocaleString()}, or leave it empty`;
  }

  const model = f.model.trim();
  return { draft: { model: model === "" ? null : model, temperature, maxTokens, enabled: f.enabled }, errors };
}

interface Props {
  config: AgentConfig;
  label: string;
  description: string;
  /** Drawn out when the person came here from a run this agent's settings refused. */
  highlighted?: boolean;
}

/** One agent's model settings and whether it may run. */
export function AgentConfigForm({ config, label, description, highlighted = false }: Props) {
  const agent = config.agent;
  // What is stored, for the "Turned off" chip and when it was last saved.
  const [stored, setStored] = useState<AgentConfig>(config);
  const [unreadable, setUnreadable] = useState<ReadonlySet<NumberField>>(new Set());
  const form = useSettingsForm({
    initial: toFields(config),
    parse: (f: Fields) => toAgentDraft(f, unreadable),
    save: (draft: AgentConfigDraft) => backend.setAgentConfig(agent, draft),
    toFields,
    onSaved: setStored,
  });
  const { fields, errors, failure, saving, saved, dirty } = form;

  const updateNumber = (name: NumberField) => (e: ChangeEvent<HTMLInputElement>) => {
    // A number input reports "" for text it cannot read ("1e", "abc"); badInput tells the two apart.
    const bad = e.target.validity?.badInput ?? false;
    setUnreadable((prev) => {
      const next = new Set(prev);
      if (bad) next.add(name);
      else next.delete(name);
      return next;
    });
    form.set(name, e.target.value);
  };

  const id = (name: string) => `agent-${agent}-${name}`;
  const titleId = id("title");

  return (
    <form
      className={`agent-card${highlighted ? " highlighted" : ""}`}
      onSubmit={form.submit}
      noValidate
      aria-labelledby={titleId}
      data-testid={`agent-config-${agent}`}
    >
      <div className="agent-card-head">
        <h4 id={titleId}>{label}</h4>
        {!stored.enabled && (
          <span className="chip chip-off" data-testid={`agent-off-${agent}`}>
            Turned off
          </span>
        )}
      </div>
      {description && <p className="muted agent-card-intro">{description}</p>}

      <div className="field field-check">
        <label className="check">
          <input
            id={id("enabled")}
            type="checkbox"
            name="enabled"
            checked={fields.enabled}
            onChange={(e) => form.set("enabled", e.target.checked)}
            aria-describedby={id("enabled-hint")}
            data-testid={id("enabled")}
          />
          Enabled
        </label>
        <small className="field-hint" id={id("enabled-hint")}>
          When off, runs of this agent are refused.
        </small>
      </div>

      <Field
        id={id("model")}
        label="Model"
        hint="With Ollama or another local server, the name of a model it serves."
        error={errors.model}
        errorTestId={`field-error-${agent}-model`}
      >
        {(control) => (
          <input
            {...control}
            name="model"
            value={fields.model}
            onChange={(e) => form.set("model", e.target.value)}
            maxLength={AGENT_LIMITS.modelChars}
            autoComplete="off"
            spellCheck={false}
            placeholder={`default (${config.defaultModel})`}
            data-testid={id("model")}
          />
        )}
      </Field>
      <div className="agent-numbers">
        <Field
          id={id("temperature")}
          label="Temperature"
          hint={`${TEMPERATURE.min}–${TEMPERATURE.max}; empty = provider default`}
          error={errors.temperature}
          errorTestId={`field-error-${agent}-temperature`}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              name="temperature"
              min={TEMPERATURE.min}
              max={TEMPERATURE.max}
              step={0.1}
              inputMode="decimal"
              value={fields.temperature}
              onChange={updateNumber("temperature")}
              placeholder="default"
              data-testid={id("temperature")}
            />
          )}
        </Field>
        <Field
          id={id("maxTokens")}
          label="Max tokens"
          hint={`${MAX_TOKENS.min}–${MAX_TOKENS.max.toLocaleString()}; empty = default`}
          error={errors.maxTokens}
          errorTestId={`field-error-${agent}-maxTokens`}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              name="maxTokens"
              min={MAX_TOKENS.min}
              max={MAX_TOKENS.max}
              step={1}
              inputMode="numeric"
              value={fields.maxTokens}
              onChange={updateNumber("maxTokens")}
              placeholder="default"
              data-testid={id("maxTokens")}
            />
          )}
        </Field>
      </div>

      {failure && (
        <div className="banner banner-error" role="alert" data-testid={`agent-error-${agent}`}>
          Could not save {label}: {failure.message}
        </div>
      )}
      <div className="form-actions">
        {saved && (
          <span className="saved" role="status" data-testid={`agent-saved-${agent}`}>
            Saved
          </span>
        )}
        {!saved && dirty && <span className="muted">Unsaved changes</span>}
        {!saved && !dirty && stored.updatedAt !== null && <span className="muted">Last saved {formatWhen(stored.updatedAt)}</span>}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={saving}
          aria-busy={saving || undefined}
          data-testid={`agent-save-${agent}`}
        >
          {saving ? "Saving…" : "Save"}
          <span className="sr-only"> {label} settings</span>
        </button>
      </div>
    </form>
  );
}
