import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { useModal } from "./useModal";

interface Props {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  testId: string;
  wide?: boolean;
  /** A selector inside the dialog for where focus starts (else on Close). */
  initialFocus?: string;
}

/**
 * A modal panel: Escape, the backdrop or Close shut it; Tab stays inside; focus
 * starts on Close (or `initialFocus`) and goes back where it was.
 */
export function Dialog({ title, onClose, children, testId, wide = true, initialFocus }: Props) {
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const backdrop = useModal(onClose, () => {
    const first = initialFocus ? dialogRef.current?.querySelector<HTMLElement>(initialFocus) : null;
    (first ?? closeRef.current)?.focus();
  });

  const keepFocusInside = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== "Tab") return;
    const focusable = e.currentTarget.querySelectorAll<HTMLElement>("button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])");
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="backdrop" {...backdrop}>
      <div
        ref={dialogRef}
        className={`dialog${wide ? " dialog-wide" : ""}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={keepFocusInside}
        data-testid={testId}
      >
        <div className="dialog-head">
          <h3 id={titleId}>{title}</h3>
          <button ref={closeRef} type="button" className="btn btn-quiet" onClick={onClose} data-testid={`${testId}-close`}>
            Close
          </button>
        </div>
        {children}
      </div>
    </div>,
    document.body,
  );
}
