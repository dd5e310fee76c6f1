import { useState, type FormEvent } from "react";
import { backend } from "../backend";
import { ConfirmDialog } from "../shared/ConfirmDialog";
import { Field } from "../shared/Field";
import { formatWhen } from "../shared/format";
import { settle, useLoad } from "../shared/useBackend";
import { numberText, parseNumber, parseOptionalNumber, type NumberRule } from "../shared/validate";
import type { IpcError, ModelPrice, PriceDraft } from "../types";

/** $ per 1M tokens: 0 (a free local model) to $10,000, to the micro-dollar. */
const PRICE: NumberRule = { min: 0, max: 10_000, decimals: 6, unit: "dollars per 1M tokens" };

interface Fields {
  model: string;
  input: string;
  cachedInput: string;
  output: string;
  reasoning: string;
}
type Errors = Partial<Record<keyof Fields, string>>;

const EMPTY: Fields = { model: "", input: "", cachedInput: "", output: "", reasoning: "" };

const toFields = (p: ModelPrice): Fields => ({
  model: p.model,
  input: numberText(p.input),
  cachedInput: numberText(p.cachedInput),
  output: numberText(p.output),
  reasoning: numberText(p.reasoning),
});

export function parsePrice(f: Fields): { draft: PriceDraft; errors: Errors } {
  const errors: Errors = {};
  const model = f.model.trim();
  if (model === "") errors.model = "Enter the model's name, as the provider spells it";
  else if (/\s/.test(model)) errors.model = "A model name has no spaces";
  else if (model.length > 100) errors.model = "At most 100 characters";
  const input = parseNumber(f.input, PRICE);
  const output = parseNumber(f.output, PRICE);
  const cached = parseOptionalNumber(f.cachedInput, PRICE);
  const reasoning = parseOptionalNumber(f.reasoning, PRICE);
  if (!input.ok) errors.input = input.error;
  if (!output.ok) errors.output = output.error;
  if (!cached.ok) errors.cachedInput = cached.error;
  if (!reasoning.ok) errors.reasoning = reasoning.error;
  return {
    draft: {
      model,
      input: input.ok ? input.value : null,
      output: output.ok ? output.value : null,
      cachedInput: cached.ok ? cached.value : null,
      reasoning: reasoning.ok ? reasoning.value : null,
    },
    errors,
  };
}

const money = (n: number | null) => (n === null ? "—" : `$${n}`);

/** What each model costs per million tokens; runs are priced from this table. */
export function PriceTable() {
  // A table that could not be read again stays as it was, under the error.
  const load = useLoad(() => backend.listPrices(), []);
  const prices = load.data ?? null;
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const set = (name: keyof Fields, value: string) => {
    setFields((f) => ({ ...f, [name]: value }));
    setDone(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setDone(null);
    const { draft, errors: found } = parsePrice(fields);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const saved = await settle(backend.setPrice(draft));
    if (saved.ok) {
      setDone(`${saved.value.model} saved`);
      setFields(EMPTY);
      setEditing(null);
      void load.reload();
    } else if (saved.error.code === "invalid_input" && saved.error.field && saved.error.field in EMPTY) {
      setErrors({ [saved.error.field]: saved.error.message });
    } else {
      setFailure(saved.error);
    }
  };

  const remove = async (model: string) => {
    setRemoving(null);
    setFailure(null);
    const removed = await settle(backend.removePrice(model));
    if (removed.ok) {
      setDone(`${model} removed: its calls are now unpriced`);
      void load.reload();
    } else {
      setFailure(removed.error);
    }
  };

  const field = (name: keyof Fields, label: string, hint: string, placeholder?: string) => (
    <Field id={`price-${name}`} label={label} hint={hint} error={errors[name]} errorTestId={`field-error-price-${name}`}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode={name === "model" ? "text" : "decimal"}
          value={fields[name]}
          onChange={(e) => set(name, e.target.value)}
          readOnly={name === "model" && editing !== null}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          data-testid={`price-${name}`}
        />
      )}
    </Field>
  );

  return (
    <div className="settings-card" data-testid="price-table">
      <h3 className="settings-subtitle">Model prices</h3>
      <p className="muted settings-card-intro">
        Dollars per million tokens. Each call is priced when it is made; a model missing here is counted as unpriced (and
        raises an alert). A dated snapshot such as <code>gpt-4o-mini-2024-07-18</code> uses its base model's price.
      </p>
      {load.error && (
        <div className="banner banner-error" role="alert">
          Could not load the prices: {load.error.message}
        </div>
      )}
      {prices && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Input</th>
              <th scope="col">Cached input</th>
              <th scope="col">Output</th>
              <th scope="col">Reasoning</th>
              <th scope="col">Source</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {prices.map((p) => (
              <tr key={p.model} data-testid={`price-row-${p.model}`}>
                <td>
                  <code>{p.model}</code>
                </td>
                <td>{money(p.input)}</td>
                <td>{p.cachedInput === null ? "as input" : money(p.cachedInput)}</td>
                <td>{money(p.output)}</td>
                <td>{p.reasoning === null ? "as output" : money(p.reasoning)}</td>
                <td className="muted" title={p.updatedAt ? `Edited ${formatWhen(p.updatedAt)}` : undefined}>
                  {p.source}, {p.asOf}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="btn-link"
                    aria-label={`Edit ${p.model}`}
                    onClick={() => {
                      setEditing(p.model);
                      setFields(toFields(p));
                      setErrors({});
                      document.getElementById("price-input")?.focus();
                    }}
                  >
                    Edit
                  </button>
                  <button type="button" className="btn-link" onClick={() => setRemoving(p.model)} aria-label={`Remove ${p.model}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="price-form" onSubmit={submit} noValidate aria-label={editing ? `Edit the price of ${editing}` : "Add a model's price"}>
        <div className="grid">
          {field("model", "Model", "As the provider names it.", "gpt-4o-mini")}
          {field("input", "Input", "$ per 1M tokens; 0 if free.")}
          {field("cachedInput", "Cached input", "Empty: as input.", "as input")}
          {field("output", "Output", "$ per 1M tokens.")}
          {field("reasoning", "Reasoning", "Empty: as output.", "as output")}
        </div>
        {failure && (
          <div className="banner banner-error" role="alert" data-testid="price-error">
            {failure.message}
          </div>
        )}
        <div className="form-actions">
          {done && (
            <span className="saved" role="status" data-testid="price-done">
              {done}
            </span>
          )}
          {editing && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                setEditing(null);
                setFields(EMPTY);
                setErrors({});
              }}
            >
              Cancel
            </button>
          )}
          <button type="submit" className="btn btn-primary" data-testid="price-save">
            {editing ? `Save ${editing}` : "Add price"}
          </button>
        </div>
      </form>
      {removing && (
        <ConfirmDialog title={`Remove the price of ${removing}?`} confirmLabel="Remove" onConfirm={() => remove(removing)} onCancel={() => setRemoving(null)}>
          Its calls will be counted as unpriced: their cost is unknown and they raise an alert.
        </ConfirmDialog>
      )}
    </div>
  );
}
