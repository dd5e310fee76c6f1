import type { ReactNode } from "react";

/** What a field gives its control so the label, hint and error describe it. */
export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  errorTestId: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** Label, control, then its error and hint; the error sits next to the control it is about. */
export function Field({ id, label, hint, error, errorTestId, className, children }: Props) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error && (
        <small className="field-error" id={errorId} role="alert" data-testid={errorTestId}>
          {error}
        </small>
      )}
      {hint && (
        <small className="field-hint" id={hintId}>
          {hint}
        </small>
      )}
    </div>
  );
}
