import { useEffect, useState, type FormEvent } from "react";
import { backend } from "../backend";
import type { HeaderSetting, IpcError, TelemetryStatus, TestSpanAnswer } from "../types";
import { Field } from "../shared/Field";

type Load = { state: "loading" } | { state: "ready"; status: TelemetryStatus } | { state: "failed"; error: IpcError };

/** A header row as edited: a secret's stored value is never sent back here, so blank keeps it. */
interface HeaderRow {
  name: string;
  value: string;
  secret: boolean;
  /** A secret stored in the keychain already. */
  stored: boolean;
}

const toRows = (headers: readonly HeaderSetting[]): HeaderRow[] =>
  headers.map((h) => ({ name: h.name, value: h.value ?? "", secret: h.secret, stored: h.secret }));

/** Checks an endpoint as the backend will: an http(s) URL, or blank for off. */
export function endpointError(raw: string): string | null {
  const t = raw.trim();
  if (t === "") return null;
  try {
    const u = new URL(t);
    return u.protocol === "http:" || u.protocol === "https:" ? null : "Use an http:// or https:// URL";
  } catch {
    return "Not a URL: use the backend's OTLP base URL, such as http://localhost:6006";
  }
}

/**
 * Settings → Telemetry: export every agent run as OpenTelemetry spans (OTLP/HTTP) to
 * the team's backend. Off until an endpoint is set; metadata only unless content is on.
 * `OTEL_*` variables the app was started with win, and are shown.
 */
export function TelemetryForm() {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [endpoint, setEndpoint] = useState("");
  const [rows, setRows] = useState<HeaderRow[]>([]);
  const [content, setContent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState<"save" | "test" | null>(null);
  const [saved, setSaved] = useState(false);
  const [answer, setAnswer] = useState<TestSpanAnswer | null>(null);

  const show = (status: TelemetryStatus) => {
    setLoad({ state: "ready", status });
    setEndpoint(status.settings.endpoint ?? "");
    setRows(toRows(status.settings.headers ?? []));
    setContent(status.settings.content ?? false);
  };

  useEffect(() => {
    let cancelled = false;
    backend.getTelemetryStatus().then(
      (s) => !cancelled && show(s),
      (e) => !cancelled && setLoad({ state: "failed", error: e as IpcError }),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  if (load.state === "loading") return <p className="muted">Loading telemetry settings…</p>;
  if (load.state === "failed")
    return (
      <div className="banner banner-error" role="alert">
        Telemetry settings could not be read: {load.error.message}
      </div>
    );
  const status = load.status;

  const setRow = (i: number, patch: Partial<HeaderRow>) => {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setSaved(false);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setAnswer(null);
    const problem = endpointError(endpoint);
    setError(problem);
    if (problem) return;
    setBusy("save");
    try {
      const next = await backend.setTelemetrySettings({
        endpoint: endpoint.trim() === "" ? null : endpoint.trim(),
        headers: rows
          .filter((r) => r.name.trim() !== "")
          .map((r) => ({
            name: r.name.trim(),
            secret: r.secret,
            // Blank keeps a stored secret; it is never read back.
            value: r.secret && r.value === "" ? null : r.value,
          })),
        content,
      });
      show(next);
      setSaved(true);
    } catch (err) {
      setFailure(err as IpcError);
    } finally {
      setBusy(null);
    }
  };

  const test = async () => {
    setAnswer(null);
    setFailure(null);
    setBusy("test");
    try {
      setAnswer(await backend.sendTestSpan());
      backend.getTelemetryStatus().then(show, () => {});
    } catch (err) {
      setFailure(err as IpcError);
    } finally {
      setBusy(null);
    }
  };

  const { stats } = status;
  const envEndpoint = status.endpointSource !== null && status.endpointSource !== "settings";
  return (
    <form className="settings-card" onSubmit={submit} noValidate aria-labelledby="telemetry-title" data-testid="telemetry-form">
      <h3 id="telemetry-title" className="settings-subtitle">
        Telemetry
      </h3>
      <p className="muted settings-card-intro">
        Send every agent run as OpenTelemetry spans (OTLP over HTTP) to your team's observability backend — Langfuse, Phoenix,
        Grafana Tempo, Jaeger, an OpenTelemetry Collector. Off until an endpoint is set. Only times, counts, tokens and costs
        leave this machine unless you turn on content below.
      </p>
      <p className="muted" data-testid="telemetry-state">
        {status.enabled ? `Exporting to ${status.endpoint}` : "Export is off."}
        {envEndpoint && ` (set by ${status.endpointSource})`}
      </p>
      {status.variables.length > 0 && (
        <p className="banner banner-info" data-testid="telemetry-env">
          Started with {status.variables.join(", ")}: these win over what is saved here.
        </p>
      )}
      <Field
        id="telemetry-endpoint"
        label="Endpoint"
        hint="The backend's OTLP base URL; /v1/traces is added. Blank turns export off."
        error={error ?? undefined}
        errorTestId="field-error-endpoint"
      >
        {(control) => (
          <input
            {...control}
            type="url"
            value={endpoint}
            onChange={(e) => {
              setEndpoint(e.target.value);
              setSaved(false);
            }}
            placeholder="http://localhost:6006"
            autoComplete="off"
            spellCheck={false}
            data-testid="telemetry-endpoint"
          />
        )}
      </Field>
      <fieldset className="field telemetry-headers">
        <legend className="field-label">Headers</legend>
        {rows.map((r, i) => (
          <div className="header-row" key={i} data-testid={`telemetry-header-${i}`}>
            <input
              aria-label="Header name"
              // A row just added takes the typing.
              autoFocus={r.name === "" && !r.stored && i === rows.length - 1}
              value={r.name}
              onChange={(e) => setRow(i, { name: e.target.value })}
              placeholder="Authorization"
              spellCheck={false}
            />
            <input
              aria-label="Header value"
              type={r.secret ? "password" : "text"}
              value={r.value}
              onChange={(e) => setRow(i, { value: e.target.value })}
              placeholder={r.stored ? "stored in the keychain" : "value"}
              autoComplete="off"
              spellCheck={false}
            />
            <label className="check">
              <input type="checkbox" checked={r.secret} onChange={(e) => setRow(i, { secret: e.target.checked, stored: false })} />
              Secret
            </label>
            <button type="button" className="btn" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => setRows((rs) => [...rs, { name: "", value: "", secret: true, stored: false }])}
          data-testid="telemetry-add-header"
        >
          Add header
        </button>
        <small className="field-hint">Secret values are kept in the system keychain and never shown again.</small>
      </fieldset>
      <div className="field field-check">
        <label className="check">
          <input
            type="checkbox"
            checked={content}
            onChange={(e) => {
              setContent(e.target.checked);
              setSaved(false);
            }}
            data-testid="telemetry-content"
          />
          Include content
        </label>
        <small className="field-hint">
          Adds what each run was given and answered (email text included) as gen_ai.input.messages and
          gen_ai.output.messages, tool arguments and results, and each decision (it names the company). Off by
          default. The API key and mail passwords are never sent.
        </small>
      </div>
      <p className="muted" data-testid="telemetry-stats">
        Since the app started: {stats.exportedSpans} spans sent, {stats.droppedSpans} dropped (queue full),{" "}
        {stats.failedSpans} failed.
        {stats.lastError && ` Last failure: ${stats.lastError}`}
      </p>
      {answer && (
        <div className={answer.ok ? "banner banner-info" : "banner banner-error"} role="status" data-testid="telemetry-answer">
          {answer.endpoint ?? "No endpoint"}: {answer.message}
        </div>
      )}
      {failure && (
        <div className="banner banner-error" role="alert" data-testid="telemetry-error">
          {failure.message}
        </div>
      )}
      <div className="form-actions">
        {saved && (
          <span className="saved" role="status" data-testid="telemetry-saved">
            Saved
          </span>
        )}
        <button type="button" className="btn" onClick={test} disabled={busy !== null || !status.enabled} data-testid="telemetry-test">
          {busy === "test" ? "Sending…" : "Send a test span"}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy !== null} data-testid="telemetry-save">
          {busy === "save" ? "Saving…" : "Save telemetry"}
        </button>
      </div>
    </form>
  );
}
