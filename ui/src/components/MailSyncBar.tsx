import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { backend } from "../backend";
import { formatAgo, formatCount } from "../format";
import type { FolderReport, IpcError, MailSyncStatus, SyncProgress } from "../types";
import { useNow } from "./useNow";

interface Props {
  /** Called after each sync pass, so the list shows what it imported. */
  onSynced?: () => void;
}

/** A folder's first sync under way, by `account/folder`. */
type FirstSyncs = ReadonlyMap<string, SyncProgress>;

/**
 * The Inbox's mail-sync line: "Synced 2 min ago · Sync now", a progress bar per
 * folder while a first sync runs, and the folders that failed.
 */
export function MailSyncBar({ onSynced }: Props) {
  const [status, setStatus] = useState<MailSyncStatus | null>(null);
  const [first, setFirst] = useState<FirstSyncs>(new Map());
  const [failure, setFailure] = useState<IpcError | null>(null);
  const now = useNow();
  // The latest callback, without subscribing again each time the parent renders.
  const synced = useRef(onSynced);
  useLayoutEffect(() => {
    synced.current = onSynced;
  });

  const reload = useCallback(async () => {
    try {
      setStatus(await backend.getMailSyncStatus());
    } catch {
      // No status: the line stays hidden; the Inbox itself still works.
    }
  }, []);

  useEffect(() => {
    void reload();
    let cancelled = false;
    const stops = [
      backend.onMailSyncStarted(() => !cancelled && setStatus((s) => (s ? { ...s, running: true } : s))),
      backend.onMailSyncProgress((p) => {
        if (cancelled || !p.first) return;
        setFirst((prev) => new Map(prev).set(`${p.account}/${p.folder}`, p));
      }),
      backend.onMailSyncFinished(() => {
        if (cancelled) return;
        setFirst(new Map());
        void reload();
        synced.current?.();
      }),
    ];
    return () => {
      cancelled = true;
      for (const stop of stops) void stop.then((f) => f());
    };
  }, [reload]);

  const syncNow = async () => {
    setFailure(null);
    setStatus((s) => (s ? { ...s, running: true } : s));
    try {
      await backend.syncMailNow(null);
    } catch (e) {
      setFailure(e as IpcError);
    }
    // The finished event reloads too; without events (or on failure) this does.
    await reload();
  };

  if (status === null || status.accounts === 0) return null;
  const running = status.running;
  const failed = status.lastReports.filter((r): r is FolderReport & { error: NonNullable<FolderReport["error"]> } => r.error !== null);
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
      {!running &&
        failed.map((r) => (
          <p key={`${r.account}/${r.folder}`} className="field-error" data-testid="mail-sync-error">
            {r.account} · {r.folder}: {r.error.message}
            {r.error.code === "authentication" && " — enter a new password in Settings → Mail accounts."}
          </p>
        ))}
      {failure && (
        <p className="field-error" role="alert" data-testid="mail-sync-error">
          Could not sync: {failure.message}
        </p>
      )}
    </div>
  );
}
