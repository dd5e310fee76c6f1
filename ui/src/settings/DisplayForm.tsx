import { backend } from "../backend";
import { useSettingsForm } from "../shared/useSettingsForm";
import type { DisplaySettings, EnvOverride } from "../types";
import { CheckField, SettingsCard, envFor } from "./parts";

type Fields = Required<DisplaySettings>;

const toFields = (d: DisplaySettings): Fields => ({ gpuAcceleration: d.gpuAcceleration ?? false });

/** GPU acceleration of the window: read when the app starts. */
export function DisplayForm({ initial, env }: { initial: DisplaySettings; env: readonly EnvOverride[] }) {
  const form = useSettingsForm({
    initial: toFields(initial),
    parse: (f: Fields) => ({ draft: f, errors: {} }),
    save: backend.setDisplaySettings,
    toFields,
  });
  return (
    <SettingsCard
      id="display"
      title="Display"
      intro="How the window draws its pages, read when the app starts."
      form={form}
      saveLabel="Save display"
    >
      <CheckField
        form={form}
        name="gpuAcceleration"
        id="gpu-acceleration"
        label="GPU acceleration"
        hint="Composites the window on the graphics card. Off by default: without a GPU driver it only costs memory (about 120 MB). Turn it on if your drivers do better with it. Takes effect at the next start."
        env={envFor(env, "gpuAcceleration")}
      />
    </SettingsCard>
  );
}
