import { backend } from "../backend";
import { useSettingsForm } from "../shared/useSettingsForm";
import type { NotificationSettings } from "../types";
import { CheckField, SettingsCard } from "./parts";

type Fields = Required<NotificationSettings>;

const toFields = (n: NotificationSettings): Fields => ({
  budget: n.budget ?? true,
  performance: n.performance ?? true,
  unpriced: n.unpriced ?? true,
  escalations: n.escalations ?? true,
  jobMail: n.jobMail ?? true,
});

/** Which desktop notifications to show. */
export function NotificationsForm({ initial }: { initial: NotificationSettings }) {
  const form = useSettingsForm({
    initial: toFields(initial),
    parse: (f: Fields) => ({ draft: f, errors: {} }),
    save: backend.setNotificationSettings,
    toFields,
  });
  return (
    <SettingsCard
      id="notifications"
      title="Desktop notifications"
      intro="Each fires once per threshold and day (or month), or once per alert, never in a stream. Without a notification service they appear in the app only."
      form={form}
      saveLabel="Save notifications"
    >
      <CheckField form={form} name="budget" id="notify-budget" label="Budgets" hint="At 50, 80, 90 and 100 % of the daily and monthly budget." />
      <CheckField
        form={form}
        name="performance"
        id="notify-performance"
        label="Performance alerts"
        hint="Error rate, average or p95 time, or average cost over its threshold."
      />
      <CheckField form={form} name="unpriced" id="notify-unpriced" label="Unpriced models" hint="Calls to a model the price table does not know: their cost is unknown." />
      <CheckField
        form={form}
        name="escalations"
        id="notify-escalations"
        label="Problems only you can fix"
        hint="A refused API key or mail password, a full disk."
      />
      <CheckField
        form={form}
        name="jobMail"
        id="notify-job-mail"
        label="New job mail moved an application"
        hint="“Globex: interview invite — moved to interview”, once per message, as synced mail is analysed."
      />
    </SettingsCard>
  );
}
