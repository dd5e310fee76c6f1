import { useEffect, useState } from "react";
import { backend } from "./backend";
import type { AppInfo } from "./types";
import { ApplicationsView } from "./components/ApplicationsView";

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    backend.appInfo().then(setInfo, () => setInfo(null));
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <h1>Jobtrail</h1>
        </div>
        <p className="tagline">Your job search, tracked locally.</p>
      </header>
      <main className="app-main">
        {info?.storeError ? (
          <div className="banner banner-error" role="alert" data-testid="store-error">
            <strong>Your data could not be opened.</strong> {info.storeError.message}
          </div>
        ) : (
          <ApplicationsView />
        )}
      </main>
      <footer className="app-footer">
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
