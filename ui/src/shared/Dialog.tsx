import { useId, useRef, type ReactNode } from "react";
import { Modal } from "./Modal";

interface Props {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  testId: string;
  wide?: boolean;
  /** More classes for the panel. */
  className?: string;
  /** A selector inside the dialog for where focus starts (else on Close). */
  initialFocus?: string;
}

/**
 * A modal panel with a title and Close: Escape, the backdrop or Close shut it; Tab
 * stays inside; focus starts on Close (or `initialFocus`) and goes back where it was.
 */
export function Dialog({ title, onClose, children, testId, wide = true, className, initialFocus }: Props) {
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const classes = ["dialog", wide && "dialog-wide", className].filter(Boolean).join(" ");

  return (
    <Modal
      onClose={onClose}
      className={classes}
      labelledBy={titleId}
      testId={testId}
      initialFocus={(panel) => (initialFocus ? panel.querySelector<HTMLElement>(initialFocus) : null) ?? closeRef.current}
    >
      <div className="dialog-head">
        <h3 id={titleId}>{title}</h3>
        <button ref={closeRef} type="button" className="btn btn-quiet" onClick={onClose} data-testid={`${testId}-close`}>
          Close
        </button>
      </div>
      {children}
    </Modal>
  );
}
