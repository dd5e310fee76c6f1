import { useState } from "react";
import { backend } from "../backend";
import { categoryLabel, formatCost, formatPercent, parseList } from "../shared/format";
import { ExplanationPanel } from "../shared/runs/ExplanationPanel";
import { useAction, useBackendEvent } from "../shared/useBackend";
import type {
  EmailCategory,
  EngineChoice,
  EvalProgress,
  EvalReport,
  EvalResult,
  ExtractionMiss,
  Extracted,
  Source,
  WrongAnswer,
} from "../types";

interface Props {
  active: boolean;
  /** Opens a stored email in the Inbox (wrong answers on your corrections). */
  onOpenEmail?: (emailId: number) => void;
}

type EngineOption = "configured" | EngineChoice;

/**
 * How good EmailAnalyst is on labelled mail, and at what price: your own corrections,
 * or a folder of .eml files by category, on the built-in engine or one or more models.
 */
export function EvalView({ active, onOpenEmail }: Props) {
  const [sourceKind, setSourceKind] = useState<"corrections" | "dir">("corrections");
  const [dir, setDir] = useState("");
  const [engine, setEngine] = useState<EngineOption>("configured");
  const [models, setModels] = useState("");
  const [progress, setProgress] = useState<EvalProgress | null>(null);
  const [report, setReport] = useState<EvalReport | null>(null);
  const [explain, setExplain] = useState<number | null>(null);
  const run = useAction(backend.runEvaluation);

  useBackendEvent(backend.onEvalProgress, setProgress, active);

  const chooseFolder = async () => {
    const picked = await backend.pickFolder().catch(() => null);
    if (picked) {
      setDir(picked);
      setSourceKind("dir");
    }
  };

  const start = async () => {
    const source: Source = sourceKind === "dir" ? { kind: "dir", dir } : { kind: "corrections" };
    setProgress(null);
    const outcome = await run.run({
      source,
      engine: engine === "configured" ? null : engine,
      models: engine === "builtin" ? [] : parseList(models),
    });
    if (outcome.ok) setReport(outcome.value);
    setProgress(null);
  };

  const canStart = !run.pending && (sourceKind === "corrections" || dir.trim() !== "");

  return (
    <section className="panel eval-view" aria-labelledby="eval-title">
      <div className="panel-head">
        <h2 id="eval-title">Evaluate</h2>
      </div>
      <p className="muted panel-intro">
        How often the email analyst is right, and at what price, on mail whose answer you know. A dry run: nothing
        in your applications changes; each run is recorded and priced as an evaluation, and budgets apply.
      </p>
      <form
        className="eval-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (canStart) void start();
        }}
      >
        <fieldset>
          <legend>Labelled mail</legend>
          <label>
            <input
              type="radio"
              name="eval-source"
              checked={sourceKind === "corrections"}
              onChange={() => setSourceKind("corrections")}
              data-testid="eval-source-corrections"
            />
            My corrections (relabelled emails and accepted proposals)
          </label>
          <label>
            <input
              type="radio"
              name="eval-source"
              checked={sourceKind === "dir"}
              onChange={() => setSourceKind("dir")}
              data-testid="eval-source-dir"
            />
            A folder of .eml files in sub-folders named by category
          </label>
          {sourceKind === "dir" && (
            <div className="toolbar">
              <input
                type="text"
                aria-label="Folder"
                value={dir}
                onChange={(e) => setDir(e.target.value)}
                placeholder="/path/to/labelled-mail"
                data-testid="eval-dir"
              />
              <button type="button" className="btn" onClick={() => void chooseFolder()}>
                Choose…
              </button>
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>Engine</legend>
          <select
            aria-label="Engine"
            value={engine}
            onChange={(e) => setEngine(e.target.value as EngineOption)}
            data-testid="eval-engine"
          >
            <option value="configured">As configured</option>
            <option value="builtin">Built-in engine</option>
            <option value="llm">Model</option>
          </select>
          {engine !== "builtin" && (
            <input
              type="text"
              aria-label="Models to compare"
              value={models}
              onChange={(e) => setModels(e.target.value)}
              placeholder="Models to compare, comma-separated (default: the configured one)"
              data-testid="eval-models"
            />
          )}
        </fieldset>
        <div className="toolbar">
          <button type="submit" className="btn btn-primary" disabled={!canStart} aria-busy={run.pending} data-testid="eval-run">
            {run.pending ? "Evaluating…" : "Evaluate"}
          </button>
          {run.pending && progress && (
            <label className="eval-progress" data-testid="eval-progress">
              {progress.target}: {progress.done} of {progress.total}
              <progress value={progress.done} max={progress.total} />
            </label>
          )}
        </div>
      </form>
      {run.error && (
        <div className="banner banner-error" role="alert" data-testid="eval-error">
          {run.error.message}
        </div>
      )}
      {report && <ReportView report={report} onExplain={setExplain} onOpenEmail={onOpenEmail} />}
      {explain !== null && <ExplanationPanel executionId={explain} onClose={() => setExplain(null)} />}
    </section>
  );
}

function resultName(r: EvalResult): string {
  return r.model ? `${r.engine === "llm" ? "Model" : r.engine} ${r.model}` : "Built-in engine";
}

function ms(v: number | null): string {
  return v === null ? "—" : `${v.toFixed(1)} ms`;
}

interface ReportProps {
  report: EvalReport;
  onExplain: (executionId: number) => void;
  onOpenEmail?: (emailId: number) => void;
}

function ReportView({ report, onExplain, onOpenEmail }: ReportProps) {
  return (
    <div className="eval-report" data-testid="eval-report">
      {report.sets.map((s) => (
        <p key={s.name} className="muted" data-testid="eval-set">
          {s.name === "corrections" ? "Your corrections" : s.name}: {s.n} messages. The new-mail pre-filter would
          skip {s.prefilter.jobSkipped} of {s.prefilter.jobMail} job mails and {s.prefilter.otherSkipped} of{" "}
          {s.prefilter.otherMail} others.
          {s.prefilter.jobSkippedItems.length > 0 && (
            <span data-testid="eval-prefilter-skipped"> Job mail it would skip: {s.prefilter.jobSkippedItems.join(", ")}.</span>
          )}
        </p>
      ))}
      <table className="data-table" data-testid="eval-results">
        <thead>
          <tr>
            <th scope="col">Engine / model</th>
            <th scope="col">Messages</th>
            <th scope="col">Accuracy</th>
            <th scope="col">Cost</th>
            <th scope="col">Per correct answer</th>
            <th scope="col">p50</th>
            <th scope="col">p95</th>
            <th scope="col">Company</th>
            <th scope="col" title="The company as labelled, or another spelling of it that the analyst files under the same application (“Isarwacht Versicherung” for “Isarwacht”)">
              Same employer
            </th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {report.results.map((r) => (
            <tr key={`${r.engine}-${r.model ?? ""}`}>
              <th scope="row">{resultName(r)}</th>
              <td>
                {r.n}
                {r.skipped > 0 && <span className="muted"> ({r.skipped} skipped: budget limit)</span>}
              </td>
              <td data-testid="eval-accuracy">{formatPercent(r.accuracy)}</td>
              <td>{formatCost(r.cost)}</td>
              <td>{r.costPerCorrect === null ? "—" : formatCost(r.costPerCorrect)}</td>
              <td>{ms(r.p50Ms)}</td>
              <td>{ms(r.p95Ms)}</td>
              <td>{formatPercent(r.extraction?.company)}</td>
              <td data-testid="eval-same-employer">{formatPercent(r.extraction?.companySameEmployer)}</td>
              <td>{formatPercent(r.extraction?.role)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.results.map((r) => (
        <ResultDetail key={`${r.engine}-${r.model ?? ""}`} result={r} onExplain={onExplain} onOpenEmail={onOpenEmail} />
      ))}
    </div>
  );
}

interface DetailProps {
  result: EvalResult;
  onExplain: (executionId: number) => void;
  onOpenEmail?: (emailId: number) => void;
}

function ResultDetail({ result, onExplain, onOpenEmail }: DetailProps) {
  const labels = result.confusion.labels;
  const max = Math.max(1, ...result.confusion.matrix.flat());
  return (
    <section className="eval-detail" aria-label={resultName(result)}>
      <h3 className="section-title">{resultName(result)}</h3>
      <div className="eval-grid">
        <div>
          <h4>Confusion matrix</h4>
          <table className="heatmap" data-testid="eval-confusion">
            <caption className="muted">Rows: the true category · columns: the answer</caption>
            <thead>
              <tr>
                <td />
                {labels.map((l) => (
                  <th key={l} scope="col" title={categoryLabel(l as EmailCategory)}>
                    {categoryLabel(l as EmailCategory)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.confusion.matrix.map((row, i) => (
                <tr key={labels[i]}>
                  <th scope="row">{categoryLabel(labels[i] as EmailCategory)}</th>
                  {row.map((n, j) => (
                    <td
                      key={labels[j]}
                      className={i === j ? "heat heat-right" : "heat heat-wrong"}
                      style={{ ["--heat" as string]: String(n / max) }}
                      aria-label={`${n} ${categoryLabel(labels[i] as EmailCategory)} answered ${categoryLabel(labels[j] as EmailCategory)}`}
                    >
                      {n || ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h4>Per category</h4>
          <table className="data-table" data-testid="eval-categories">
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Messages</th>
                <th scope="col">Precision</th>
                <th scope="col">Recall</th>
                <th scope="col">F1</th>
              </tr>
            </thead>
            <tbody>
              {labels.map((l) => {
                const c = result.perCategory[l];
                return (
                  <tr key={l}>
                    <th scope="row">{categoryLabel(l as EmailCategory)}</th>
                    <td>{c?.support ?? 0}</td>
                    <td>{formatPercent(c?.precision)}</td>
                    <td>{formatPercent(c?.recall)}</td>
                    <td>{formatPercent(c?.f1)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h4>Stated confidence against being right</h4>
          <ul className="eval-calibration">
            {result.calibration
              .filter((b) => b.n > 0)
              .map((b) => (
                <li key={b.from}>
                  {formatPercent(b.from)}–{formatPercent(b.to)}: {b.n} answers, {formatPercent(b.accuracy)} right
                </li>
              ))}
          </ul>
        </div>
      </div>
      {result.wrong.length > 0 && <WrongList wrong={result.wrong} onExplain={onExplain} onOpenEmail={onOpenEmail} />}
      {result.extraction && result.extraction.misses.length > 0 && (
        <MissList misses={result.extraction.misses} onExplain={onExplain} onOpenEmail={onOpenEmail} />
      )}
    </section>
  );
}

function WrongList({
  wrong,
  onExplain,
  onOpenEmail,
}: {
  wrong: WrongAnswer[];
  onExplain: (executionId: number) => void;
  onOpenEmail?: (emailId: number) => void;
}) {
  return (
    <>
      <h4>Wrong answers ({wrong.length})</h4>
      <table className="data-table" data-testid="eval-wrong">
        <thead>
          <tr>
            <th scope="col">Message</th>
            <th scope="col">Expected</th>
            <th scope="col">Answered</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {wrong.map((w) => (
            <tr key={w.item}>
              <MessageCell message={w} />
              <td>{categoryLabel(w.expected)}</td>
              <td>{w.predicted ? `${categoryLabel(w.predicted)} (${formatPercent(w.confidence)})` : "no answer"}</td>
              <RowActions executionId={w.executionId} emailId={w.emailId} onExplain={onExplain} onOpenEmail={onOpenEmail} />
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function named(n: Extracted): string {
  return `${n.company ?? "no company"} · ${n.role ?? "no role"}`;
}

/** Answers that named the wrong company or role, whatever their category. */
function MissList({
  misses,
  onExplain,
  onOpenEmail,
}: {
  misses: ExtractionMiss[];
  onExplain: (executionId: number) => void;
  onOpenEmail?: (emailId: number) => void;
}) {
  return (
    <>
      <h4>Company or role wrong ({misses.length})</h4>
      <table className="data-table" data-testid="eval-misses">
        <thead>
          <tr>
            <th scope="col">Message</th>
            <th scope="col">Expected</th>
            <th scope="col">Named</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {misses.map((m) => (
            <tr key={m.item}>
              <MessageCell message={m} />
              <td>{named(m.expected)}</td>
              <td>{named(m.found)}</td>
              <RowActions executionId={m.executionId} emailId={m.emailId} onExplain={onExplain} onOpenEmail={onOpenEmail} />
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A message as a person recognises it: its subject, sender and place in the set. */
function MessageCell({ message }: { message: { subject: string; from: string; item: string } }) {
  return (
    <td>
      <div>{message.subject || "(no subject)"}</div>
      <div className="muted">
        {message.from} · {message.item}
      </div>
    </td>
  );
}

function RowActions({
  executionId,
  emailId,
  onExplain,
  onOpenEmail,
}: {
  executionId: number | null;
  emailId: number | null;
  onExplain: (executionId: number) => void;
  onOpenEmail?: (emailId: number) => void;
}) {
  return (
    <td className="row-actions">
      {executionId !== null && (
        <button type="button" className="btn-link" onClick={() => onExplain(executionId)}>
          Why?
        </button>
      )}
      {emailId !== null && onOpenEmail && (
        <button type="button" className="btn-link" onClick={() => onOpenEmail(emailId)}>
          Open email
        </button>
      )}
    </td>
  );
}
