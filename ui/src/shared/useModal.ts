import { useEffect, useLayoutEffect, useRef, type MouseEvent } from "react";

/**
 * What a modal shares: Escape calls `onClose` (always the latest one, without
 * re-running the effect, so focus is not moved again on each render), and the
 * backdrop's handlers.
 */
export function useModal(onClose: () => void, focusFirst: () => void) {
  const latest = useRef(onClose);
  useLayoutEffect(() => {
    latest.current = onClose;
  });

  // Once per opening: a parent re-rendering (a new `onClose` each time) must not pull focus back.
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    focusFirst();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && latest.current();
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      before?.focus?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A press that starts inside the dialog (selecting text) and ends on the backdrop
  // is not a click on the backdrop: close only when both happened on it.
  const pressed = useRef(false);
  return {
    onMouseDown: (e: MouseEvent<HTMLElement>) => {
      pressed.current = e.target === e.currentTarget;
    },
    onClick: (e: MouseEvent<HTMLElement>) => {
      // Dialogs are portals: a nested one's clicks bubble here through React.
      e.stopPropagation();
      const onBackdrop = pressed.current && e.target === e.currentTarget;
      pressed.current = false;
      if (onBackdrop) latest.current();
    },
  };
}
