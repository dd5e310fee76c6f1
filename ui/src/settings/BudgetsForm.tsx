import { backend } from "../backend";
import { useSettingsForm, type FieldErrors } from "../shared/useSettingsForm";
import { MONEY, numberText, parseOptionalNumber } from "../shared/validate";
import type { Budgets, EnvOverride } from "../types";
import { CheckField, NumberField, SettingsCard, envFor, useFieldId } from "./parts";

interface Fields {
  dailyBudget: string;
  monthlyBudget: string;
  hardLimit: boolean;
  /** Per agent, as typed. */
  agents: Record<string, string>;
}

/** The per-agent fields are named `agent:<name>` for errors. */
type Errors = FieldErrors<Fields> & Record<string, string | undefined>;

export function toBudgetFields(b: Budgets, agents: readonly string[]): Fields {
  const per = b.agentDailyBudgets ?? {};
  return {
    dailyBudget: numberText(b.dailyBudget),
    monthlyBudget: numberText(b.monthlyBudget),
    hardLimit: b.hardLimit ?? false,
    agents: Object.fromEntries([...new Set([...agents, ...Object.keys(per)])].map((a) => [a, numberText(per[a])])),
  };
}

export function parseBudgets(f: Fields): { draft: Budgets; errors: Errors } {
  const errors: Errors = {};
  const daily = parseOptionalNumber(f.dailyBudget, MONEY);
  const monthly = parseOptionalNumber(f.monthlyBudget, MONEY);
  if (!daily.ok) errors.dailyBudget = daily.error;
  if (!monthly.ok) errors.monthlyBudget = monthly.error;
  const agentDailyBudgets: Record<string, number> = {};
  for (const [agent, text] of Object.entries(f.agents)) {
    const parsed = parseOptionalNumber(text, MONEY);
    if (!parsed.ok) errors[`agent:${agent}`] = parsed.error;
    else if (parsed.value !== null) agentDailyBudgets[agent] = parsed.value;
  }
  return {
    draft: {
      dailyBudget: daily.ok ? daily.value : null,
      monthlyBudget: monthly.ok ? monthly.value : null,
      agentDailyBudgets,
      hardLimit: f.hardLimit,
    },
    errors,
  };
}

interface Props {
  initial: Budgets;
  /** Agents, with their labels, for per-agent budgets. */
  agents: readonly { agent: string; label: string }[];
  env: readonly EnvOverride[];
  onSaved?: (b: Budgets) => void;
}

/** Daily and monthly budgets for all agents, per-agent daily budgets, and the hard limit. */
export function BudgetsForm({ initial, agents, env, onSaved }: Props) {
  const names = agents.map((a) => a.agent);
  const form = useSettingsForm({
    initial: toBudgetFields(initial, names),
    parse: parseBudgets,
    save: backend.setBudgets,
    toFields: (b: Budgets) => toBudgetFields(b, names),
    onSaved,
  });
  const errors = form.errors as Errors;
  const label = (agent: string) => agents.find((a) => a.agent === agent)?.label ?? agent;
  return (
    <SettingsCard
      id="budgets"
      title="Budgets"
      intro="What the agents may spend on paid models (UTC days and months). The tray shows today's spend against the daily budget; notifications come at 50, 80, 90 and 100 %."
      form={form}
      saveLabel="Save budgets"
    >
      <div className="grid">
        <NumberField
          form={form}
          name="dailyBudget"
          id="daily-budget"
          label="Daily budget"
          prefix="$"
          hint="All agents, per day. Empty: none."
          placeholder="none"
          env={envFor(env, "dailyBudget")}
        />
        <NumberField form={form} name="monthlyBudget" id="monthly-budget" label="Monthly budget" prefix="$" hint="All agents, per calendar month." placeholder="none" />
      </div>
      <CheckField
        form={form}
        name="hardLimit"
        id="budget-hard-limit"
        label="Stop paid calls when a budget is spent"
        hint="Agents then answer with their built-in engine, and say so. Off: budgets only warn."
      />
      <fieldset className="agent-budgets">
        <legend>Per agent, per day</legend>
        {Object.keys(form.fields.agents).map((agent) => (
          <AgentBudgetField
            key={agent}
            agent={agent}
            label={label(agent)}
            value={form.fields.agents[agent] ?? ""}
            error={errors[`agent:${agent}`]}
            onChange={(v) => form.set("agents", { ...form.fields.agents, [agent]: v })}
          />
        ))}
      </fieldset>
    </SettingsCard>
  );
}

interface AgentBudgetProps {
  agent: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

function AgentBudgetField({ agent, label, value, error, onChange }: AgentBudgetProps) {
  const id = `agent-budget-${agent}`;
  const inputId = useFieldId()(id);
  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      <span className="input-affix">
        <span className="affix">$</span>
        <input
          id={inputId}
          type="text"
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="none"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          data-testid={id}
        />
      </span>
      {error && (
        <small className="field-error" id={`${inputId}-error`} role="alert" data-testid={`field-error-agent-${agent}`}>
          {error}
        </small>
      )}
    </div>
  );
}
