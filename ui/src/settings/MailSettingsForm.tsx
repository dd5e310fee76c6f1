import { backend } from "../backend";
import { useSettingsForm, type FieldErrors } from "../shared/useSettingsForm";
import { numberText, parseNumber } from "../shared/validate";
import type { MailSettings } from "../types";
import { CheckField, NumberField, SettingsCard } from "./parts";

/** The backend's range (mail/settings.rs). */
export const INTERVAL_MINUTES = { min: 1, max: 1440 } as const;

interface Fields {
  intervalMinutes: string;
  autoAnalyse: boolean;
}

const toFields = (s: MailSettings): Fields => ({
  intervalMinutes: numberText(s.intervalMinutes ?? 5),
  autoAnalyse: s.autoAnalyse ?? true,
});

function parse(f: Fields): { draft: MailSettings; errors: FieldErrors<Fields> } {
  const interval = parseNumber(f.intervalMinutes, { ...INTERVAL_MINUTES, integer: true, unit: "minutes" });
  return {
    draft: { intervalMinutes: interval.ok ? interval.value : 5, autoAnalyse: f.autoAnalyse },
    errors: interval.ok ? {} : { intervalMinutes: interval.error },
  };
}

/** How often mail syncs, and whether new job mail is analysed on its own. */
export function MailSettingsForm({ initial }: { initial: MailSettings }) {
  const form = useSettingsForm({ initial: toFields(initial), parse, save: backend.setMailSettings, toFields });
  return (
    <SettingsCard
      id="mail-settings"
      title="Mail sync"
      intro="Mail is synced at start and then at this interval; servers that offer IMAP IDLE announce new mail within seconds."
      form={form}
      saveLabel="Save mail sync"
    >
      <div className="grid">
        <NumberField
          form={form}
          name="intervalMinutes"
          id="mail-interval"
          label="Sync every"
          suffix="min"
          hint={`${INTERVAL_MINUTES.min} to ${INTERVAL_MINUTES.max} minutes.`}
        />
        <CheckField
          form={form}
          name="autoAnalyse"
          id="mail-auto-analyse"
          label="Analyse new job mail automatically"
          hint="Within the budgets, the hard limit and the pause switch. Newsletters and other mail that is clearly not about a job are skipped, at no cost."
        />
      </div>
    </SettingsCard>
  );
}
