import { useCallback, useEffect, useState, type ReactNode } from "react";
import { ApplicationsView } from "../applications/ApplicationsView";
import { backend } from "../backend";
import { BudgetView } from "../budget/BudgetView";
import { DashboardView } from "../dashboard/DashboardView";
import { EvalView } from "../eval/EvalView";
import { InboxView } from "../inbox/InboxView";
import { ProfileView } from "../profile/ProfileView";
import { ReviewView } from "../review/ReviewView";
import { SettingsView } from "../settings/SettingsView";
import { useLoad } from "../shared/useBackend";
import { AgentsControl } from "./AgentsControl";
import { Nav, type View } from "./Nav";
import { NoticeToasts } from "./NoticeToasts";

export function App() {
  const info = useLoad(() => backend.appInfo(), []).data ?? null;
  const [view, setView] = useState<View>("applications");
  // Views stay mounted once opened, so work in progress (an analysis, an unsaved
  // profile) survives a trip to another view; each reloads its data when shown again.
  const [opened, setOpened] = useState<ReadonlySet<View>>(() => new Set<View>(["applications"]));
  // The agent whose settings to bring into view when a refused run sends the person there.
  const [settingsFocus, setSettingsFocus] = useState<{ agent: string } | null>(null);
  // The email another view asked the Inbox to show.
  const [inboxShow, setInboxShow] = useState<{ emailId: number } | null>(null);

  useEffect(() => {
    // Once agents have run, the dashboard is home.
    backend.getMonitoringHealth().then(
      (h) => {
        if (h.rows.executions > 0) {
          setView((v) => (v === "applications" ? "dashboard" : v));
          setOpened((prev) => new Set(prev).add("dashboard"));
        }
      },
      () => {},
    );
  }, []);

  // The pending review items, for the badge; the Review view shows an error when opened,
  // the badge just goes away.
  const review = useLoad(() => backend.listReviewItems(false), []);
  const pendingReview = review.error ? null : (review.data?.length ?? null);
  const refreshPendingReview = review.reload;

  const navigate = useCallback((next: View) => {
    setView(next);
    setOpened((prev) => (prev.has(next) ? prev : new Set(prev).add(next)));
  }, []);

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
        {render(view === v)}
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
