import { useEffect, useRef, type ReactNode } from "react";

interface Props {
  title: string;
  confirmLabel: string;
  children: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question. Escape or the backdrop cancels; focus starts on Cancel. */
export function ConfirmDialog({ title, confirmLabel, children, onConfirm, onCancel }: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onCancel();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onCancel]);

  return (
    <div className="backdrop" onClick={onCancel}>
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        onClick={(e) => e.stopPropagation()}
        data-testid="confirm-dialog"
      >
        <h3 id="confirm-title">{title}</h3>
        <p>{children}</p>
        <div className="dialog-actions">
          <button ref={cancelRef} className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button className="btn btn-danger" onClick={onConfirm} data-testid="confirm-button">
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
