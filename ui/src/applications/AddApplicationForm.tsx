import { useState, type FormEvent } from "react";
import { backend } from "../backend";
import { settle } from "../shared/useBackend";
import type { ApplicationDraft, IpcError } from "../types";
import { STATUSES } from "../types";

interface Props {
  onAdded: () => void;
  onCancel: () => void;
}

const EMPTY: ApplicationDraft = { company: "", role: "", status: "applied", location: "", source: "", url: "", notes: "" };

/** Checks what can be checked before the round trip; the backend checks everything again. */
export function validateDraft(d: ApplicationDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.company?.trim()) errors.company = "Company is required";
  if (!d.role?.trim()) errors.role = "Role is required";
  const url = d.url?.trim();
  if (url && !/^https?:\/\/\S+$/i.test(url)) errors.url = "Use an http:// or https:// address";
  return errors;
}

export function AddApplicationForm({ onAdded, onCancel }: Props) {
  const [draft, setDraft] = useState<ApplicationDraft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (field: keyof ApplicationDraft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const added = await settle(backend.addApplication(draft));
    if (added.ok) {
      setDraft(EMPTY);
      onAdded();
    } else if (added.error.code === "invalid_input" && added.error.field) {
      setErrors({ [added.error.field]: added.error.message });
    } else {
      setFailure(added.error);
    }
    setSaving(false);
  };

  const field = (name: keyof ApplicationDraft, label: string, props: Record<string, unknown> = {}) => (
    <label className={`field field-${name}`}>
      <span>{label}</span>
      <input
        name={name}
        value={(draft[name] as string) ?? ""}
        onChange={set(name)}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
        data-testid={`input-${name}`}
        {...props}
      />
      {errors[name] && (
        <small className="field-error" id={`${name}-error`} role="alert">
          {errors[name]}
        </small>
      )}
    </label>
  );

  return (
    <form className="add-form" onSubmit={submit} noValidate aria-label="Add application" data-testid="add-form">
      <div className="grid">
        {field("company", "Company", { autoFocus: true, maxLength: 200, placeholder: "Acme Corp" })}
        {field("role", "Role", { maxLength: 200, placeholder: "Backend Engineer" })}
        <label className="field">
          <span>Status</span>
          <select name="status" value={draft.status ?? "applied"} onChange={set("status")} data-testid="input-status">
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        {field("location", "Location", { maxLength: 200, placeholder: "Remote, Berlin…" })}
        {field("source", "Source", { maxLength: 200, placeholder: "LinkedIn, referral…" })}
        {field("url", "Posting URL", { maxLength: 2048, placeholder: "https://…", type: "url" })}
      </div>
      <label className="field field-notes">
        <span>Notes</span>
        <textarea name="notes" rows={3} value={draft.notes ?? ""} onChange={set("notes")} maxLength={20000} />
        {errors.notes && <small className="field-error">{errors.notes}</small>}
      </label>
      {failure && (
        <div className="banner banner-error" role="alert">
          {failure.message}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={saving} data-testid="add-submit">
          {saving ? "Saving…" : "Save application"}
        </button>
      </div>
    </form>
  );
}
