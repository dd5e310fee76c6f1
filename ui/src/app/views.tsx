// The main views, each in a chunk of its own that loads the first time it is shown:
// at start the web process parses and keeps only the code of the view on screen (the
// dashboard's charts library stays out of a store with no runs, the settings forms out
// of every start). Idle memory is measured against a bare WebKitGTK window; see the
// README's Performance section.
import { lazy } from "react";

export const DashboardView = lazy(() => import("../dashboard/DashboardView").then((m) => ({ default: m.DashboardView })));
export const BudgetView = lazy(() => import("../budget/BudgetView").then((m) => ({ default: m.BudgetView })));
export const ApplicationsView = lazy(() =>
  import("../applications/ApplicationsView").then((m) => ({ default: m.ApplicationsView })),
);
export const InboxView = lazy(() => import("../inbox/InboxView").then((m) => ({ default: m.InboxView })));
export const ReviewView = lazy(() => import("../review/ReviewView").then((m) => ({ default: m.ReviewView })));
export const ProfileView = lazy(() => import("../profile/ProfileView").then((m) => ({ default: m.ProfileView })));
export const EvalView = lazy(() => import("../eval/EvalView").then((m) => ({ default: m.EvalView })));
export const SettingsView = lazy(() => import("../settings/SettingsView").then((m) => ({ default: m.SettingsView })));

/**
 * What a view shows while its code loads: a chunk comes from the app itself in a few
 * milliseconds, so the line fades in only after a moment (`.view-loading`) and a fast
 * load shows nothing at all rather than a flash.
 */
export function ViewLoading() {
  return (
    <p className="muted view-loading" aria-busy="true" data-testid="view-loading">
      Loading…
    </p>
  );
}
