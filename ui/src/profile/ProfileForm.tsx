import { useState, type ReactNode } from "react";
import { backend } from "../backend";
import { formatWhen, joinList, parseList } from "../shared/format";
import { useLoad } from "../shared/useBackend";
import { useSettingsForm, type FieldErrors } from "../shared/useSettingsForm";
import type { Profile, ProfileDraft } from "../types";

/** The form as typed: lists and numbers stay text until saved. */
interface Fields {
  name: string;
  headline: string;
  skills: string;
  yearsExperience: string;
  experience: string;
  locations: string;
  remote: boolean;
  desiredRoles: string;
  minSalary: string;
}

type FieldName = keyof ProfileDraft & keyof Fields;
type Errors = FieldErrors<Fields>;

function toFields(p: Profile): Fields {
  return {
    name: p.name,
    headline: p.headline,
    skills: joinList(p.skills),
    yearsExperience: p.yearsExperience === null ? "" : String(p.yearsExperience),
    experience: p.experience,
    locations: joinList(p.locations),
    remote: p.remote,
    desiredRoles: joinList(p.desiredRoles),
    minSalary: p.minSalary === null ? "" : String(p.minSalary),
  };
}

/** A whole, non-negative number, or null for an empty field; undefined when it is neither. */
function parseWhole(text: string): number | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  const n = Number(t);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Parses the form into a draft, or says which fields cannot be sent. */
export function toDraft(f: Fields): { draft: ProfileDraft; errors: Errors } {
  const errors: Errors = {};
  const yearsExperience = parseWhole(f.yearsExperience);
  if (yearsExperience === undefined) errors.yearsExperience = "Enter a whole number of years, or leave it empty";
  const minSalary = parseWhole(f.minSalary);
  if (minSalary === undefined) errors.minSalary = "Enter a whole amount, or leave it empty";
  return {
    draft: {
      name: f.name.trim(),
      headline: f.headline.trim(),
      skills: parseList(f.skills),
      yearsExperience: yearsExperience ?? null,
      experience: f.experience,
      locations: parseList(f.locations),
      remote: f.remote,
      desiredRoles: parseList(f.desiredRoles),
      minSalary: minSalary ?? null,
    },
    errors,
  };
}

/** Who the person is and what they want: what JobMatch scores posts against. */
export function ProfileForm() {
  const load = useLoad(() => backend.getProfile(), [], { clearErrorOnLoad: true });

  if (load.error) {
    return (
      <div className="banner banner-error" role="alert" data-testid="profile-load-error">
        Could not load your profile: {load.error.message}
        <button className="btn-link" onClick={() => void load.reload()}>
          Try again
        </button>
      </div>
    );
  }
  if (!load.data) {
    return (
      <p className="muted" aria-busy="true">
        Loading your profile…
      </p>
    );
  }
  return <ProfileFields profile={load.data} />;
}

/** The profile's fields, once it is loaded. */
function ProfileFields({ profile }: { profile: Profile }) {
  const [updatedAt, setUpdatedAt] = useState(profile.updatedAt);
  const form = useSettingsForm({
    initial: toFields(profile),
    parse: toDraft,
    save: backend.saveProfile,
    toFields,
    onSaved: (p: Profile) => setUpdatedAt(p.updatedAt),
  });
  const { fields, errors, failure, saving, saved } = form;
  const update = form.set;

  const describedBy = (name: FieldName, hint: boolean) =>
    [errors[name] ? `profile-${name}-error` : hint ? `profile-${name}-hint` : null].filter(Boolean).join(" ") || undefined;

  // Label, control, then its hint or its error; the label is only the label, hints describe.
  const field = (name: FieldName, label: string, control: ReactNode, hint?: string) => (
    <div className={`field field-${name}`}>
      <label className="field-label" htmlFor={`profile-${name}`}>
        {label}
      </label>
      {control}
      {hint && !errors[name] && (
        <small className="field-hint" id={`profile-${name}-hint`}>
          {hint}
        </small>
      )}
      {errors[name] && (
        <small className="field-error" id={`profile-${name}-error`} role="alert" data-testid={`field-error-${name}`}>
          {errors[name]}
        </small>
      )}
    </div>
  );

  const text = (name: Exclude<keyof Fields, "remote">, props: Record<string, unknown> = {}, hint = false) => (
    <input
      id={`profile-${name}`}
      name={name}
      value={fields[name]}
      onChange={(e) => update(name, e.target.value)}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={describedBy(name, hint)}
      data-testid={`profile-${name}`}
      {...props}
    />
  );

  return (
    <form className="profile-form" onSubmit={form.submit} noValidate aria-labelledby="profile-title" data-testid="profile-form">
      <div className="grid">
        {field("name", "Name", text("name", { maxLength: 200, autoComplete: "name" }))}
        {field("headline", "Headline", text("headline", { maxLength: 300, placeholder: "Backend engineer, Rust and Go" }))}
        {field("skills", "Skills", text("skills", { placeholder: "Rust, SQL, Kubernetes" }, true), "Separate with commas")}
        {field(
          "yearsExperience",
          "Years of experience",
          text("yearsExperience", { type: "number", min: 0, step: 1, inputMode: "numeric" }),
        )}
        {field("locations", "Preferred locations", text("locations", { placeholder: "Berlin, Amsterdam" }, true), "Separate with commas")}
        {field("desiredRoles", "Desired roles", text("desiredRoles", { placeholder: "Backend Engineer, SRE" }, true), "Separate with commas")}
        {field(
          "minSalary",
          "Minimum salary",
          text("minSalary", { type: "number", min: 0, step: 1000, inputMode: "numeric" }, true),
          "Yearly, in your usual currency",
        )}
        <div className="field field-check">
          <label className="check">
            <input
              type="checkbox"
              name="remote"
              checked={fields.remote}
              onChange={(e) => update("remote", e.target.checked)}
              aria-invalid={errors.remote ? true : undefined}
              aria-describedby={errors.remote ? "profile-remote-error" : undefined}
              data-testid="profile-remote"
            />
            Open to remote work
          </label>
          {errors.remote && (
            <small className="field-error" id="profile-remote-error" role="alert" data-testid="field-error-remote">
              {errors.remote}
            </small>
          )}
        </div>
      </div>
      {field(
        "experience",
        "Experience",
        <textarea
          id="profile-experience"
          name="experience"
          rows={5}
          value={fields.experience}
          onChange={(e) => update("experience", e.target.value)}
          aria-invalid={errors.experience ? true : undefined}
          aria-describedby={errors.experience ? "profile-experience-error" : undefined}
          placeholder="Roles, projects and achievements, in your own words"
          data-testid="profile-experience"
        />,
      )}
      {failure && (
        <div className="banner banner-error" role="alert" data-testid="profile-error">
          Could not save your profile: {failure.message}
        </div>
      )}
      <div className="form-actions">
        {saved && (
          <span className="saved" role="status" data-testid="profile-saved">
            Saved
          </span>
        )}
        {!saved && updatedAt !== null && <span className="muted">Last saved {formatWhen(updatedAt)}</span>}
        <button type="submit" className="btn btn-primary" disabled={saving} data-testid="profile-save">
          {saving ? "Saving…" : "Save profile"}
        </button>
      </div>
    </form>
  );
}
