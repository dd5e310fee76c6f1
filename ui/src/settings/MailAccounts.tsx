import { useState } from "react";
import { backend } from "../backend";
import { ConfirmDialog } from "../shared/ConfirmDialog";
import { Dialog } from "../shared/Dialog";
import { formatAgo } from "../shared/format";
import { useAction, useBackendEvent, useLoad } from "../shared/useBackend";
import { useNow } from "../shared/useNow";
import type { MailAccount } from "../types";
import { MailAccountForm } from "./MailAccountForm";

/** The account being added (null) or edited, and whether the password is what it needs. */
type Editing = { account: MailAccount | null; password: boolean };

/**
 * Settings → Mail accounts: the IMAP mailboxes Jobtrail reads (read-only), their
 * state, and adding, editing, turning off or removing one.
 */
export function MailAccounts() {
  const load = useLoad(() => backend.listMailAccounts(), []);
  const refresh = load.reload;
  // A sync changes each account's status and last sync.
  useBackendEvent(backend.onMailSyncFinished, () => void refresh());
  // Turning an account on or off and removing it: which account, and why it failed.
  const change = useAction((work: () => Promise<unknown>) => work());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<MailAccount | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const now = useNow();

  const act = async (name: string, work: () => Promise<unknown>) => {
    setBusy(name);
    await change.run(work);
    setBusy(null);
    await refresh();
  };

  const remove = (account: MailAccount) => {
    setRemoving(null);
    void act(account.name, () => backend.removeMailAccount(account.name));
  };

  // The list as it stands: none while the last load failed.
  const list = load.error === null ? load.data : undefined;
  const ready = list !== undefined;
  const accounts = list ?? [];
  return (
    <div className="settings-card" data-testid="mail-accounts">
      <h3 className="settings-subtitle">Mail accounts</h3>
      <p className="muted settings-card-intro">
        Jobtrail reads these mailboxes over IMAP, strictly read-only (nothing is marked read, moved or deleted), and analyses new
        job mail as it arrives. Passwords stay in the system keychain. Gmail and Fastmail need an app password; Outlook.com needs
        OAuth, which Jobtrail does not support yet.
      </p>

      {!ready && !load.error && (
        <p className="muted" aria-busy="true">
          Loading mail accounts…
        </p>
      )}
      {load.error && (
        <div className="banner banner-error" role="alert" data-testid="mail-accounts-error">
          Could not load the mail accounts: {load.error.message}
          <button type="button" className="btn-link" onClick={() => void refresh()}>
            Try again
          </button>
        </div>
      )}
      {ready && accounts.length === 0 && (
        <p className="muted" data-testid="mail-accounts-empty">
          No mail account yet: add one to have job mail imported and analysed without exporting files.
        </p>
      )}
      {accounts.length > 0 && (
        <ul className="mail-accounts">
          {accounts.map((a) => (
            <li key={a.name} className="mail-account-row" data-testid="mail-account-row" data-name={a.name}>
              <div className="mail-account-main">
                <strong>{a.name}</strong> <span className="muted">{login(a)}</span> <StatusBadge account={a} />
                <div className="muted mail-account-facts">
                  {a.folders.join(", ")} · {a.lastSyncAt === null ? "never synced" : `synced ${formatAgo(a.lastSyncAt, now)}`}
                </div>
                {a.status === "error" && a.error && (
                  <div className="field-error" data-testid="mail-account-error">
                    {a.error}
                  </div>
                )}
                {a.status === "needs_password" && (
                  <div className="mail-account-needs" data-testid="mail-account-needs-password">
                    <span className="field-error">{a.error ?? "The server refused the password."}</span>{" "}
                    <button type="button" className="btn btn-small btn-primary" onClick={() => setEditing({ account: a, password: true })} data-testid="mail-new-password">
                      Enter new password
                    </button>
                  </div>
                )}
              </div>
              <div className="mail-account-actions">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={a.enabled}
                    disabled={busy === a.name}
                    onChange={(e) => void act(a.name, () => backend.setMailAccountEnabled(a.name, e.target.checked))}
                    data-testid="mail-enabled"
                  />
                  Sync
                </label>
                <button type="button" className="btn btn-small" onClick={() => setEditing({ account: a, password: false })} data-testid="mail-edit">
                  Edit
                </button>
                <button type="button" className="btn btn-small btn-danger-quiet" disabled={busy === a.name} onClick={() => setRemoving(a)} data-testid="mail-remove">
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {change.error && (
        <div className="banner banner-error" role="alert" data-testid="mail-accounts-failure">
          {change.error.message}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={() => setEditing({ account: null, password: false })} data-testid="mail-add">
          Add mail account…
        </button>
      </div>

      {editing && (
        <Dialog
          title={editing.account ? `Mail account ${editing.account.name}` : "Add a mail account"}
          onClose={() => setEditing(null)}
          testId="mail-account-dialog"
          initialFocus={editing.password ? "[data-testid='mail-password']" : editing.account ? "[data-testid='mail-host']" : "[data-testid='mail-name']"}
        >
          <MailAccountForm
            account={editing.account}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              void refresh();
            }}
          />
        </Dialog>
      )}
      {removing && (
        <ConfirmDialog title={`Remove ${removing.name}?`} confirmLabel="Remove" onConfirm={() => remove(removing)} onCancel={() => setRemoving(null)}>
          Jobtrail stops reading {login(removing)} and deletes its password from the keychain. The mail already imported
          stays in your Inbox, and nothing changes on the server.
        </ConfirmDialog>
      )}
    </div>
  );
}

/** "me@example.com on imap.example.com", or "me@imap.example.com" for a bare login name. */
function login(a: MailAccount): string {
  return a.user.includes("@") ? `${a.user} on ${a.host}` : `${a.user}@${a.host}`;
}

const STATUS_LABELS: Record<MailAccount["status"], string> = {
  new: "not synced yet",
  ok: "ok",
  error: "error",
  needs_password: "needs password",
};

function StatusBadge({ account }: { account: MailAccount }) {
  const tone = { new: "chip-off", ok: "chip-ok", error: "chip-fail", needs_password: "chip-fail" }[account.status];
  return (
    <span className={`chip ${account.enabled ? tone : "chip-off"}`} data-testid="mail-account-status" data-status={account.status}>
      {account.enabled ? STATUS_LABELS[account.status] : "off"}
    </span>
  );
}
