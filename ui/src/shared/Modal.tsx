import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from "react";
import { createPortal } from "react-dom";

/** An open modal, and the one it was opened from. */
interface Entry {
  parent: Entry | null;
}

/** The modals open now, the last one on top: Escape closes that one only. */
const openModals: Entry[] = [];

/** The modal a modal is rendered in, if any: it is drawn over that one. */
const ParentModal = createContext<Entry | null>(null);

function isInside(entry: Entry, ancestor: Entry): boolean {
  for (let e = entry.parent; e; e = e.parent) if (e === ancestor) return true;
  return false;
}

/** What Tab reaches inside `root`, in document order. */
function tabbable(root: HTMLElement): HTMLElement[] {
  // Filtering every element, rather than one selector list, keeps document order
  // (jsdom can return a selector list's matches out of document order).
  return Array.from(root.querySelectorAll<HTMLElement>("*")).filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest("[hidden]"),
  );
}

interface Props {
  onClose: () => void;
  /** The panel's classes: `dialog`, `dialog dialog-wide`… */
  className: string;
  role?: "dialog" | "alertdialog";
  /** The id of the panel's title. */
  labelledBy: string;
  testId: string;
  /** Where focus starts when the modal opens (asked once, after the panel is drawn). */
  initialFocus: (panel: HTMLElement) => HTMLElement | null | undefined;
  /**
   * Drawn where it is rendered rather than in `document.body` (the timeline has always
   * been drawn inside the applications view). In `document.body`, a modal is never
   * inside a form that opens it, where its buttons would also submit that form.
   */
  inPlace?: boolean;
  children: ReactNode;
}

/**
 * Every dialog's frame: the backdrop and the panel. Escape closes the modal on top
 * (one press, one modal), as does a click on the backdrop; Tab stays inside; focus
 * starts on `initialFocus` and goes back where it was when the modal closes.
 */
export function Modal({ onClose, className, role = "dialog", labelledBy, testId, initialFocus, inPlace = false, children }: Props) {
  // The latest callbacks, without running the opening effect again: a parent that
  // re-renders (a new `onClose` on each key typed) must not pull focus back.
  const latest = useRef({ onClose, initialFocus });
  useLayoutEffect(() => {
    latest.current = { onClose, initialFocus };
  });
  const panel = useRef<HTMLDivElement>(null);
  const parent = useContext(ParentModal);
  const [self] = useState<Entry>(() => ({ parent }));

  useEffect(() => {
    // Effects run inner first: a modal rendered in this one from the start is open
    // already. This one goes under it and leaves it the focus.
    const above = openModals.findIndex((e) => isInside(e, self));
    if (above === -1) openModals.push(self);
    else openModals.splice(above, 0, self);
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (above === -1 && panel.current) latest.current.initialFocus(panel.current)?.focus();
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === "Escape" && openModals[openModals.length - 1] === self) latest.current.onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      const at = openModals.indexOf(self);
      if (at !== -1) openModals.splice(at, 1);
      opener?.focus();
    };
  }, [self]);

  // A press that starts inside the panel (selecting text) and ends on the backdrop is
  // not a click on the backdrop: close only when both happened on it.
  const pressed = useRef(false);
  const backdrop = {
    onMouseDown: (e: MouseEvent<HTMLElement>) => {
      pressed.current = e.target === e.currentTarget;
    },
    onClick: (e: MouseEvent<HTMLElement>) => {
      // React events bubble through portals to the opener's tree (a row that selects on
      // click, another modal): a click on this modal ends here.
      e.stopPropagation();
      const onBackdrop = pressed.current && e.target === e.currentTarget;
      pressed.current = false;
      if (onBackdrop) latest.current.onClose();
    },
  };

  const keepFocusInside = (e: KeyboardEvent<HTMLDivElement>) => {
    // A modal opened from this one bubbles its keys here through React: it keeps its own focus.
    if (e.key !== "Tab" || !e.currentTarget.contains(e.target as Node)) return;
    const focusable = tabbable(e.currentTarget);
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

  const modal = (
    <div className="backdrop" {...backdrop}>
      <div
        ref={panel}
        className={className}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={keepFocusInside}
        data-testid={testId}
      >
        <ParentModal.Provider value={self}>{children}</ParentModal.Provider>
      </div>
    </div>
  );
  return inPlace ? modal : createPortal(modal, document.body);
}
