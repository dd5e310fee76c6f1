import { Suspense, useCallback, useEffect, useState, type ReactNode } from "react";
import { backend } from "../backend";
import { useLoad } from "../shared/useBackend";
import { AgentsControl } from "./AgentsControl";
import { Nav, type View } from "./Nav";
import { NoticeToasts } from "./NoticeToasts";
import {
  ApplicationsView,
  BudgetView,
  DashboardView,
  EvalView,
  InboxView,
  ProfileView,
  ReviewView,
  SettingsView,
  ViewLoading,
} from "./views";

/** The view on screen (none until the first one is chosen) and every view opened so far. */
interface Shown {
  view: View | null;
  opened: ReadonlySet<View>;
}

function show(s: Shown, next: View): Shown {
  return { view: next, opened: s.opened.has(next) ? s.opened : new Set(s.opened).add(next) };
}

export function App() {
  const info = useLoad(() => backend.appInfo(), []).data ?? null;
  // Views stay mounted once opened, so work in progress (an analysis, an unsaved
  // profile) survives a trip to another view; each reloads its data when shown again.
  const [{ view, opened }, setShown] = useState<Shown>({ view: null, opened: new Set() });
  // The agent whose settings to bring into view when a refused run sends the person there.
  const [settingsFocus, setSettingsFocus] = useState<{ agent: string } | null>(null);
  // The email another view asked the Inbox to show.
  const [inboxShow, setInboxShow] = useState<{ emailId: number } | null>(null);

  useEffect(() => {
    // Once agents have run, the dashboard is home, else the applications. Nothing is
    // shown until this is known (a few milliseconds), so the other view is neither
    // flashed nor loaded; a view the person picked meanwhile stays.
    const home = (next: View) => setShown((s) => (s.view === null ? show(s, next) : s));
    backend.getMonitoringHealth().then(
      (h) => home(h.rows.executions > 0 ? "dashboard" : "applications"),
      () => home("applications"),
    );
  }, []);

  // The pending review items, for the badge; the Review view shows an error when opened,
  // the badge just goes away.
  const review = useLoad(() => backend.listReviewItems(false), []);
  const pendingReview = review.error ? null : (review.data?.length ?? null);
  const refreshPendingReview = review.reload;

  const navigate = useCallback((next: View) => setShown((s) => show(s, next)), []);

  const openSettings = useCallback(
    (agent: string) => {
      setSettingsFocus({ agent });
      navigate("settings");
    },
    [navigate],
  );

  const navigateFromNav = useCallback(
    (next: View) => {
      setSettingsFocus(null);
      navigate(next);
    },
    [navigate],
  );

  const pane = (v: View, render: (active: boolean) => ReactNode) =>
    opened.has(v) && (
      <div className="view" hidden={view !== v}>
        <Suspense fallback={<ViewLoading />}>{render(view === v)}</Suspense>
      </div>
    );

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <h1>Jobtrail</h1>
        </div>
        {!info?.storeError && <Nav current={view} pendingReview={pendingReview} onNavigate={navigateFromNav} />}
        {info && !info.storeError && <AgentsControl />}
      </header>
      <main className="app-main">
        {info?.storeError ? (
          <div className="banner banner-error" role="alert" data-testid="store-error">
            <strong>Your data could not be opened.</strong> {info.storeError.message}
          </div>
        ) : (
          <>
            {pane("dashboard", (active) => <DashboardView active={active} onOpenInbox={() => navigate("inbox")} onOpenSettings={() => navigateFromNav("settings")} />)}
            {pane("budget", (active) => <BudgetView active={active} />)}
            {pane("applications", (active) => <ApplicationsView active={active} />)}
            {pane("inbox", (active) => (
              <InboxView
                active={active}
                onReviewChanged={refreshPendingReview}
                onOpenReview={() => navigate("review")}
                onOpenSettings={openSettings}
                show={inboxShow}
              />
            ))}
            {pane("review", (active) => <ReviewView active={active} onChanged={refreshPendingReview} />)}
            {pane("profile", (active) => <ProfileView active={active} onOpenSettings={openSettings} />)}
            {pane("eval", (active) => (
              <EvalView
                active={active}
                onOpenEmail={(emailId) => {
                  setInboxShow({ emailId });
                  navigate("inbox");
                }}
              />
            ))}
            {pane("settings", (active) => <SettingsView focus={settingsFocus} active={active} />)}
          </>
        )}
      </main>
      <NoticeToasts />
      <footer className="app-footer">
        <span className="tagline">Your job search, tracked locally.</span>
        {info && (
          <span title={info.database ?? undefined}>
            v{info.version}
            {info.dataDir ? ` · data in ${info.dataDir}` : ""}
          </span>
        )}
      </footer>
    </div>
  );
}
