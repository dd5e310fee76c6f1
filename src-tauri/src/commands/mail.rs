//! Mail accounts, their settings and sync. Passwords go straight into a
//! [`Password`] (which prints as `<redacted>` and cannot be serialized) and from
//! there to the keychain: they are skipped in every span and never in an event.

use jobtrail_core::mail::account::{self, AccountDraft, MailAccount};
use jobtrail_core::mail::imap::FolderInfo;
use jobtrail_core::mail::settings::{self as mail_settings, MailSettings};
use jobtrail_core::mail::{self, FolderReport};
use jobtrail_core::secrets::{self, Password};
use jobtrail_core::service::mail as service;
use tauri::State;

use crate::args::Arg;
use crate::error::IpcError;
use crate::events::EventSink;
use crate::mail_sync::{MailSync, MailSyncStatus, PassContext};
use crate::state::StoreState;
use crate::tray::Tray;
use crate::watch::Watch;

/// Every mail account, by name.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn list_mail_accounts(
    state: State<'_, StoreState>,
) -> Result<Vec<MailAccount>, IpcError> {
    state.with(|s| Ok(account::list(s)?))
}

/// Logs in with the draft and lists the server's folders; nothing is stored. Without
/// a password, a stored account is tried with its stored one (same server and user).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, password), err(Debug))]
pub async fn test_mail_account(
    state: State<'_, StoreState>,
    draft: Arg<AccountDraft>,
    password: Option<String>,
) -> Result<Vec<FolderInfo>, IpcError> {
    let draft = draft.get("draft")?;
    let password = match password.map(password_arg).transpose()? {
        Some(p) => p,
        None => stored_password_for(&state, &draft).await?,
    };
    let today = state.with(|s| Ok(s.today()))?;
    Ok(service::test_account(draft, &password, today).await?)
}

/// Adds an account once its login works; the password goes to the keychain.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, sync, password), err(Debug))]
pub async fn add_mail_account(
    state: State<'_, StoreState>,
    sync: State<'_, MailSync>,
    draft: Arg<AccountDraft>,
    password: String,
) -> Result<MailAccount, IpcError> {
    let (draft, password) = (draft.get("draft")?, password_arg(password)?);
    let added = service::add_account(state.mutex()?, draft, &password).await?;
    sync.poke();
    Ok(added)
}

/// Saves an account's settings, and a new password when one is given (checked by
/// logging in first; a refused one then no longer stops the account).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, sync, password), err(Debug))]
pub async fn update_mail_account(
    state: State<'_, StoreState>,
    sync: State<'_, MailSync>,
    draft: Arg<AccountDraft>,
    password: Option<String>,
) -> Result<MailAccount, IpcError> {
    let (draft, password) = (draft.get("draft")?, password.map(password_arg).transpose()?);
    let saved = service::update_account(state.mutex()?, draft, password.as_ref()).await?;
    sync.poke();
    Ok(saved)
}

/// Removes an account and its keychain entry; the mail it imported stays. A pass
/// syncing the account finishes it first.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, sync), err(Debug))]
pub async fn remove_mail_account(
    state: State<'_, StoreState>,
    sync: State<'_, MailSync>,
    name: String,
) -> Result<(), IpcError> {
    sync.finished_with(&name).await;
    service::remove_account(state.mutex()?, &name)?;
    sync.reconcile_idle(&state);
    Ok(())
}

/// Turns background sync of an account on (it syncs at once) or off.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, sync), err(Debug))]
pub async fn set_mail_account_enabled(
    state: State<'_, StoreState>,
    sync: State<'_, MailSync>,
    name: String,
    enabled: bool,
) -> Result<MailAccount, IpcError> {
    let saved = state.with(|s| Ok(account::set_enabled(s, &name, enabled)?))?;
    if enabled {
        sync.poke()
    } else {
        sync.reconcile_idle(&state)
    }
    Ok(saved)
}

/// How often mail is synced and whether new job mail is analysed on its own.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_mail_settings(state: State<'_, StoreState>) -> Result<MailSettings, IpcError> {
    state.with(|s| Ok(mail_settings::get(s)?))
}

/// Saves the mail settings; a new interval applies within a minute.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn set_mail_settings(
    state: State<'_, StoreState>,
    settings: Arg<MailSettings>,
) -> Result<MailSettings, IpcError> {
    let settings = settings.get("settings")?;
    state.with(|s| Ok(mail_settings::set(s, settings)?))
}

/// Syncs one account (even a turned-off one), or every enabled one, now: after a
/// background pass that is running, never beside it.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, sync, events, watch, tray), err(Debug))]
pub async fn sync_mail_now(
    state: State<'_, StoreState>,
    sync: State<'_, MailSync>,
    events: State<'_, EventSink>,
    watch: State<'_, Watch>,
    tray: State<'_, Tray>,
    account: Option<String>,
) -> Result<Vec<FolderReport>, IpcError> {
    let cx = PassContext {
        store: &state,
        events: &events,
        watch: &watch,
        tray: &tray,
    };
    let req = service::SyncRequest {
        account,
        analyse: None,
    };
    sync.run(cx, req).await
}

/// Whether a sync runs, when mail was last synced and what the last pass did.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, sync), err(Debug))]
pub async fn get_mail_sync_status(
    state: State<'_, StoreState>,
    sync: State<'_, MailSync>,
) -> Result<MailSyncStatus, IpcError> {
    Ok(sync.status(&state))
}

/// A password as typed; a trailing newline is not part of it.
fn password_arg(raw: String) -> Result<Password, IpcError> {
    Password::new(raw).ok_or_else(|| {
        IpcError::invalid(
            "password",
            format!(
                "Enter the app password (at most {} characters, no line breaks)",
                Password::MAX_CHARS
            ),
        )
    })
}

/// The stored password of the account `draft` names, for a test without one typed.
/// Only to the same server and user: a stored password never goes anywhere new.
async fn stored_password_for(
    state: &StoreState,
    draft: &AccountDraft,
) -> Result<Password, IpcError> {
    let ask = || IpcError::invalid("password", "Enter the app password to test the connection");
    let Ok(name) = account::check_name(&draft.name) else {
        return Err(ask());
    };
    let Ok(stored) = state.with(|s| Ok(account::get(s, &name)?)) else {
        return Err(ask());
    };
    let today = state.with(|s| Ok(s.today()))?;
    let c = draft.clone().validated(today)?;
    if (c.host.as_str(), c.port, c.security, c.user.as_str())
        != (
            stored.host.as_str(),
            stored.port,
            stored.security,
            stored.user.as_str(),
        )
    {
        return Err(IpcError::invalid(
            "password",
            "Enter the app password: the server or user changed",
        ));
    }
    // The keychain blocks on D-Bus: off the async runtime.
    tauri::async_runtime::spawn_blocking(move || secrets::mail_password(&name))
        .await
        .map_err(|e| IpcError::internal(format!("the keychain task failed: {e}")))??
        .ok_or_else(|| IpcError::from(mail::Error::NoPassword(stored.name)))
}
