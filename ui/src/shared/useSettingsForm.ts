import { useState, type FormEvent } from "react";
import type { IpcError } from "../types";
import { settle } from "./useBackend";

export type FieldErrors<F> = Partial<Record<keyof F & string, string>>;

interface Spec<F, D, R> {
  /** The form's fields from what is stored. */
  initial: F;
  /** Checks the fields; the draft is sent only when there are no errors. */
  parse: (fields: F) => { draft: D; errors: FieldErrors<F> };
  /** Sends the draft; resolves to what the backend stored. */
  save: (draft: D) => Promise<R>;
  /** The fields for what was stored (the backend may normalise them). */
  toFields: (saved: R) => F;
  onSaved?: (saved: R) => void;
}

export interface SettingsForm<F, D = unknown> {
  fields: F;
  set: <K extends keyof F>(name: K, value: F[K]) => void;
  errors: FieldErrors<F>;
  /** A failure no field is to blame for. */
  failure: IpcError | null;
  saving: boolean;
  saved: boolean;
  dirty: boolean;
  submit: (e: FormEvent) => Promise<void>;
  /** Checks the fields as a save would, showing the errors; the draft when there are none. */
  check: () => D | null;
  /** Shows a backend error as a save would: next to the field it names, else as the failure. */
  showError: (e: IpcError) => void;
}

/**
 * The state every form that edits something stored shares (each settings card, an
 * agent's settings, the provider, a mail account, the profile): fields as typed,
 * checks before sending, the backend's `invalid_input` shown next to the field it
 * names, saved/unsaved status.
 */
export function useSettingsForm<F extends object, D, R>(spec: Spec<F, D, R>): SettingsForm<F, D> {
  const [fields, setFields] = useState<F>(spec.initial);
  const [stored, setStored] = useState<F>(spec.initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const set = <K extends keyof F>(name: K, value: F[K]) => {
    setFields((prev) => ({ ...prev, [name]: value }));
    setSaved(false);
  };

  const check = (): D | null => {
    setFailure(null);
    const { draft, errors: found } = spec.parse(fields);
    setErrors(found);
    return Object.keys(found).length > 0 ? null : draft;
  };

  const showError = (ipc: IpcError) => {
    if (ipc.code === "invalid_input" && ipc.field && ipc.field in fields) {
      setErrors({ [ipc.field]: ipc.message } as FieldErrors<F>);
    } else {
      setFailure(ipc);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const draft = check();
    if (draft === null) return;
    setSaving(true);
    const result = await settle(spec.save(draft));
    if (result.ok) {
      const next = spec.toFields(result.value);
      setFields(next);
      setStored(next);
      setSaved(true);
      spec.onSaved?.(result.value);
    } else {
      showError(result.error);
    }
    setSaving(false);
  };

  const dirty = (Object.keys(fields) as (keyof F)[]).some((k) => !same(fields[k], stored[k]));

  // The same settings can be saved elsewhere (the budgets are in the Budget view and in
  // Settings): follow what is stored now, unless the person is editing this copy.
  const incoming = JSON.stringify(spec.initial);
  const [seen, setSeen] = useState(incoming);
  if (incoming !== seen) {
    setSeen(incoming);
    if (!dirty && incoming !== JSON.stringify(stored)) {
      setFields(spec.initial);
      setStored(spec.initial);
      setErrors({});
      setSaved(false);
    }
  }

  return { fields, set, errors, failure, saving, saved, dirty, submit, check, showError };
}

function same(a: unknown, b: unknown): boolean {
  return typeof a === "object" && a !== null ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}
