import { backend } from "../backend";
import { useSettingsForm, type FieldErrors } from "../shared/useSettingsForm";
import { numberText, parseNumber } from "../shared/validate";
import type { EnvOverride, FailsafeConfig } from "../types";
import { NumberField, SettingsCard, envFor } from "./parts";

interface Fields {
  maxRetries: string;
  retryBackoffMultiplier: string;
  circuitBreakerThreshold: string;
}

const toFields = (c: FailsafeConfig): Fields => ({
  maxRetries: numberText(c.maxRetries),
  retryBackoffMultiplier: numberText(c.retryBackoffMultiplier),
  circuitBreakerThreshold: numberText(c.circuitBreakerThreshold),
});

export function parseFailsafe(f: Fields): { draft: FailsafeConfig; errors: FieldErrors<Fields> } {
  const errors: FieldErrors<Fields> = {};
  const retries = parseNumber(f.maxRetries, { min: 0, max: 10, integer: true, unit: "retries" });
  const multiplier = parseNumber(f.retryBackoffMultiplier, { min: 1, max: 10 });
  const threshold = parseNumber(f.circuitBreakerThreshold, { min: 1, max: 100, integer: true, unit: "failures" });
  if (!retries.ok) errors.maxRetries = retries.error;
  if (!multiplier.ok) errors.retryBackoffMultiplier = multiplier.error;
  if (!threshold.ok) errors.circuitBreakerThreshold = threshold.error;
  return {
    draft: {
      maxRetries: retries.ok ? retries.value : 0,
      retryBackoffMultiplier: multiplier.ok ? multiplier.value : 1,
      circuitBreakerThreshold: threshold.ok ? threshold.value : 1,
    },
    errors,
  };
}

/** How failed LLM calls are retried, and when a provider's circuit opens. */
export function FailsafeForm({ initial, env }: { initial: FailsafeConfig; env: readonly EnvOverride[] }) {
  const form = useSettingsForm({ initial: toFields(initial), parse: parseFailsafe, save: backend.setFailsafeConfig, toFields });
  return (
    <SettingsCard
      id="failsafe"
      title="Retries & circuit breaker"
      intro="Network errors, timeouts, rate limits and provider faults are retried with growing waits. After repeated failures a model is paused for a minute and the built-in engine answers instead."
      form={form}
      saveLabel="Save retries"
    >
      <div className="grid">
        <NumberField
          form={form}
          name="maxRetries"
          id="max-retries"
          label="Retries"
          hint="After the first attempt, 0 to 10."
          env={envFor(env, "maxRetries")}
        />
        <NumberField
          form={form}
          name="retryBackoffMultiplier"
          id="retry-backoff-multiplier"
          label="Backoff multiplier"
          suffix="×"
          hint="Each wait is this much longer than the last (1 s, 2 s, 4 s at 2), 1 to 10."
          env={envFor(env, "retryBackoffMultiplier")}
        />
        <NumberField
          form={form}
          name="circuitBreakerThreshold"
          id="circuit-breaker-threshold"
          label="Failures before pausing a model"
          hint="In a row, 1 to 100."
          env={envFor(env, "circuitBreakerThreshold")}
        />
      </div>
    </SettingsCard>
  );
}
