import { useState } from "react";
import { backend } from "../backend";
import { formatAgo, formatCount } from "../shared/format";
import { useAction, useBackendEvent, useLoad } from "../shared/useBackend";
import { useNow } from "../shared/useNow";
import type { MailAccount, MailSyncStatus, SyncProgress } from "../types";

interface Props {
  /** Called after each sync pass, so the list shows what it imported. */
  onSynced?: () => void;
}

/** A folder's first sync under way, by `account/folder`. */
type FirstSyncs = ReadonlyMap<string, SyncProgress>;

/** Something wrong with an account, as the Inbox says it. */
interface Problem {
  key: string;
  /** `work · INBOX`, or the account alone. */
  where: string;
  message: string;
  /** Fixed by a new password in Settings. */
  password: boolean;
}

/**
 * What needs attention: each enabled account whose last sync failed or that waits
 * for a password, with the folders its latest pass failed on when there are any.
 * The account's own status carries it across passes that skip the account, so the
 * line stays until the account syncs again. Without the accounts (they could not be
 * read), the failed folders of the latest passes.
 */
function syncProblems(status: MailSyncStatus, accounts: readonly MailAccount[] | null): Problem[] {
  const failed = status.lastReports.flatMap(({ account, folder, error }) =>
    error === null
      ? []
      : [{ key: `${account}/${folder}`, account, where: `${account} · ${folder}`, message: error.message, password: error.code === "authentication" }],
  );
  if (accounts === null) return failed;
  return accounts.flatMap((a): Problem[] => {
    if (!a.enabled || (a.status !== "error" && a.status !== "needs_password")) return [];
    const password = a.status === "needs_password";
    const folders = failed.filter((f) => f.account === a.name).map((f) => ({ ...f, password: f.password || password }));
    if (folders.length > 0) return folders;
    const message = a.error ?? (password ? "the password is refused or missing" : "the last sync failed");
    return [{ key: a.name, where: a.name, message, password }];
  });
}

/**
 * The Inbox's mail-sync line: "Synced 2 min ago · Sync now", a progress bar per
 * folder while a first sync runs, and the accounts whose sync failed.
 */
export function MailSyncBar({ onSynced }: Props) {
  // Without a status (it could not be read) the line stays hidden; the Inbox itself still works.
  const statusLoad = useLoad(() => backend.getMailSyncStatus(), []);
  const accountsLoad = useLoad(() => backend.listMailAccounts(), []);
  const [first, setFirst] = useState<FirstSyncs>(new Map());
  const sync = useAction(() => backend.syncMailNow(null));
  const now = useNow();
  const status = statusLoad.data ?? null;
  const accounts = accountsLoad.error ? null : (accountsLoad.data ?? null);

  const reload = async () => {
    await Promise.all([statusLoad.reload(), accountsLoad.reload()]);
  };
  const markRunning = () => statusLoad.setData((s) => s && { ...s, running: true });

  useBackendEvent(backend.onMailSyncStarted, markRunning);
  useBackendEvent(backend.onMailSyncProgress, (p) => {
    if (p.first) setFirst((prev) => new Map(prev).set(`${p.account}/${p.folder}`, p));
  });
  useBackendEvent(backend.onMailSyncFinished, () => {
    setFirst(new Map());
    void reload();
    onSynced?.();
  });

  const syncNow = async () => {
    markRunning();
    await sync.run();
    // The finished event reloads too; without events (or on failure) this does.
    await reload();
  };

  if (status === null || status.accounts === 0) return null;
  const running = status.running;
  const problems = syncProblems(status, accounts);
  const bars = [...first.values()].filter((p) => p.total > 0);
  return (
    <div className="mail-sync" data-testid="mail-sync">
      <p className="mail-sync-line">
        <span className="muted" role="status" data-testid="mail-sync-status">
          {running ? "Syncing mail…" : status.lastRunAt === null ? "Not synced yet" : `Synced ${formatAgo(status.lastRunAt, now)}`}
        </span>
        {" · "}
        <button
          type="button"
          className="btn-link"
          onClick={() => void syncNow()}
          disabled={running}
          aria-busy={running || undefined}
          data-testid="mail-sync-now"
        >
          Sync now
        </button>
      </p>
      {bars.map((p) => (
        <label key={`${p.account}/${p.folder}`} className="mail-sync-progress" data-testid="mail-sync-progress">
          <span className="muted">
            First sync of {p.account} · {p.folder}: {formatCount(p.done)} of {formatCount(p.total)}
          </span>
          <progress value={p.done} max={p.total} />
        </label>
      ))}
      {!running && status.lastError && (
        <p className="field-error" role="alert" data-testid="mail-sync-error">
          Mail sync failed: {status.lastError}
        </p>
      )}
      {problems.map((p) => (
        <p key={p.key} className="field-error" data-testid="mail-sync-error">
          {p.where}: {p.message}
          {p.password && " — enter a new password in Settings → Mail accounts."}
        </p>
      ))}
      {sync.error && (
        <p className="field-error" role="alert" data-testid="mail-sync-error">
          Could not sync: {sync.error.message}
        </p>
      )}
    </div>
  );
}
