import type { IpcError } from "../../types";

/** Fields of a refused run that the person fixes in Settings, not where they ran the agent. */
const SETTINGS_FIELDS: readonly string[] = ["agent", "provider", "baseUrl"];

/** Whether a run was refused because of the settings: the agent is turned off, or the provider settings are unusable. */
export function isSettingsError(error: IpcError): boolean {
  return error.code === "invalid_input" && typeof error.field === "string" && SETTINGS_FIELDS.includes(error.field);
}

interface Props {
  error: IpcError;
  /** Opens the Settings view; no link without it. */
  onOpenSettings?: () => void;
}

/** A way from a run refused by the settings to the settings themselves; nothing for other errors. */
export function SettingsLink({ error, onOpenSettings }: Props) {
  if (!onOpenSettings || !isSettingsError(error)) return null;
  return (
    <button type="button" className="btn-link" onClick={onOpenSettings} data-testid="open-settings">
      {error.field === "agent" ? "Turn it on in Settings" : "Open Settings"}
    </button>
  );
}
