import { useRef, type ReactNode } from "react";
import { Modal } from "./Modal";

interface Props {
  title: string;
  confirmLabel: string;
  children: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question. Escape or the backdrop cancels; focus starts on Cancel and goes
 * back where it was. Drawn in `document.body`, so it is never inside the form that
 * asks (where its buttons would also submit that form).
 */
export function ConfirmDialog({ title, confirmLabel, children, onConfirm, onCancel }: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);

  return (
    <Modal onClose={onCancel} className="dialog" role="alertdialog" labelledBy="confirm-title" testId="confirm-dialog" initialFocus={() => cancelRef.current}>
      <h3 id="confirm-title">{title}</h3>
      <p>{children}</p>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn btn-danger" onClick={onConfirm} data-testid="confirm-button">
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
