import { createContext, useContext, useId, type ReactNode } from "react";
import { Field } from "../shared/Field";
import type { SettingsForm } from "../shared/useSettingsForm";
import type { EnvOverride } from "../types";

/** The environment variable deciding `setting`, if any. */
export function envFor(overrides: readonly EnvOverride[], setting: string): EnvOverride | undefined {
  return overrides.find((o) => o.setting === setting);
}

/** Says that an environment variable decides a setting, so the field cannot change it. */
export function EnvNote({ env }: { env: EnvOverride | undefined }) {
  if (!env) return null;
  return (
    <span className="chip chip-env" title="Set in the environment the app was started from" data-testid={`env-${env.setting}`}>
      {env.variable}={env.value}
    </span>
  );
}

/**
 * Makes a field's DOM id unique to its card: the same form can be mounted twice (the
 * budgets live in the Budget view and in Settings, both kept mounted), and a label
 * must point at its own input. Test ids stay the plain names.
 */
const IdScope = createContext<(id: string) => string>((id) => id);

/** The DOM id for `id` inside the current settings card. */
export function useFieldId(): (id: string) => string {
  return useContext(IdScope);
}

interface CardProps<F> {
  id: string;
  title: string;
  intro: ReactNode;
  form: SettingsForm<F>;
  saveLabel: string;
  children: ReactNode;
}

/** A settings form: heading, intro, fields, a failure no field is to blame for, Save. */
export function SettingsCard<F>({ id, title, intro, form, saveLabel, children }: CardProps<F>) {
  const scope = useId();
  const domId = (name: string) => `${scope}${name}`;
  const titleId = domId(`${id}-title`);
  return (
    <IdScope.Provider value={domId}>
    <form className="settings-card" onSubmit={form.submit} noValidate aria-labelledby={titleId} data-testid={`${id}-form`}>
      <h3 id={titleId} className="settings-subtitle">
        {title}
      </h3>
      <p className="muted settings-card-intro">{intro}</p>
      {children}
      {form.failure && (
        <div className="banner banner-error" role="alert" data-testid={`${id}-error`}>
          Could not save: {form.failure.message}
        </div>
      )}
      <div className="form-actions">
        {form.saved && (
          <span className="saved" role="status" data-testid={`${id}-saved`}>
            Saved
          </span>
        )}
        {!form.saved && form.dirty && <span className="muted">Unsaved changes</span>}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={form.saving}
          aria-busy={form.saving || undefined}
          data-testid={`${id}-save`}
        >
          {form.saving ? "Saving…" : saveLabel}
        </button>
      </div>
    </form>
    </IdScope.Provider>
  );
}

interface NumberProps<F> {
  form: SettingsForm<F>;
  name: keyof F & string;
  id: string;
  label: string;
  hint: string;
  env?: EnvOverride;
  placeholder?: string;
  /** Shown after the box: "h", "%", "s". */
  suffix?: string;
  prefix?: string;
}

/**
 * A number typed as text (so "1e" or "abc" reach the check and get a sentence, rather
 * than vanishing as a number input does), validated on save.
 */
export function NumberField<F>({ form, name, id, label, hint, env, placeholder, suffix, prefix }: NumberProps<F>) {
  const domId = useFieldId();
  return (
    <Field
      id={domId(id)}
      label={label}
      hint={env ? `${hint} Set by ${env.variable}; change it there.` : hint}
      error={form.errors[name]}
      errorTestId={`field-error-${name}`}
    >
      {(control) => (
        <span className="input-affix">
          {prefix && <span className="affix">{prefix}</span>}
          <input
            {...control}
            type="text"
            inputMode="decimal"
            name={name}
            value={form.fields[name] as string}
            onChange={(e) => form.set(name, e.target.value as F[typeof name])}
            disabled={env !== undefined}
            placeholder={placeholder}
            autoComplete="off"
            spellCheck={false}
            data-testid={id}
          />
          {suffix && <span className="affix">{suffix}</span>}
          <EnvNote env={env} />
        </span>
      )}
    </Field>
  );
}

interface CheckProps<F> {
  form: SettingsForm<F>;
  name: keyof F & string;
  id: string;
  label: string;
  hint: string;
  env?: EnvOverride;
}

/** A switch with what it does under it. */
export function CheckField<F>({ form, name, id, label, hint, env }: CheckProps<F>) {
  const domId = useFieldId();
  const hintId = domId(`${id}-hint`);
  return (
    <div className="field field-check">
      <label className="check">
        <input
          id={domId(id)}
          type="checkbox"
          name={name}
          checked={form.fields[name] as boolean}
          onChange={(e) => form.set(name, e.target.checked as F[typeof name])}
          disabled={env !== undefined}
          aria-describedby={hintId}
          data-testid={id}
        />
        {label}
        <EnvNote env={env} />
      </label>
      <small className="field-hint" id={hintId}>
        {env ? `${hint} Set by ${env.variable}; change it there.` : hint}
      </small>
    </div>
  );
}
