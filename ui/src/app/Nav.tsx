import type { KeyboardEvent } from "react";

export type View = "dashboard" | "budget" | "applications" | "inbox" | "review" | "profile" | "eval" | "settings";

const ITEMS: { view: View; label: string; testId: string }[] = [
  { view: "dashboard", label: "Monitoring", testId: "nav-dashboard" },
  { view: "budget", label: "Budget", testId: "nav-budget" },
  { view: "applications", label: "Applications", testId: "nav-applications" },
  { view: "inbox", label: "Inbox", testId: "nav-inbox" },
  { view: "review", label: "Review", testId: "nav-review" },
  { view: "profile", label: "Profile & match", testId: "nav-profile" },
  { view: "eval", label: "Evaluate", testId: "nav-eval" },
  { view: "settings", label: "Settings", testId: "nav-settings" },
];

interface Props {
  /** The view on screen; null while the first one is being chosen. */
  current: View | null;
  /** Pending review items; null while unknown. */
  pendingReview: number | null;
  onNavigate: (view: View) => void;
}

/** The main views. Tab reaches each one; arrow keys, Home and End move between them too. */
export function Nav({ current, pendingReview, onNavigate }: Props) {
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>("button"));
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next =
      e.key === "ArrowRight" ? (at + 1) % buttons.length
      : e.key === "ArrowLeft" ? (at - 1 + buttons.length) % buttons.length
      : e.key === "Home" ? 0
      : e.key === "End" ? buttons.length - 1
      : -1;
    if (next < 0) return;
    e.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <nav className="nav" aria-label="Main">
      <ul onKeyDown={onKeyDown}>
        {ITEMS.map(({ view, label, testId }) => {
          const badge = view === "review" && pendingReview !== null && pendingReview > 0 ? pendingReview : null;
          return (
            <li key={view}>
              <button
                type="button"
                className="nav-item"
                aria-current={current === view ? "page" : undefined}
                aria-label={badge !== null ? `${label}, ${badge} pending` : undefined}
                onClick={() => onNavigate(view)}
                data-testid={testId}
              >
                {label}
                {badge !== null && (
                  <span className="badge" aria-hidden="true" data-testid="review-badge">
                    {badge}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
