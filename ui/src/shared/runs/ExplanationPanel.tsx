import { useRef, useState } from "react";
import { backend } from "../../backend";
import type { Alternative, ExplanationFormat, ExplanationView, ReasoningType, ToolUsage } from "../../types";
import { Dialog } from "../Dialog";
import { formatDateTime, formatPercent } from "../format";
import { settle, useLoad } from "../useBackend";

// Everything shown here comes from models and emails: it is rendered as React text
// nodes only, never as HTML.

type Export =
  | { state: "idle" }
  | { state: "saving"; format: ExplanationFormat }
  | { state: "done"; path: string }
  | { state: "failed"; message: string };

const EXPORTS: { format: ExplanationFormat; label: string }[] = [
  { format: "markdown", label: "Markdown" },
  { format: "html", label: "HTML" },
  { format: "plain_text", label: "Text" },
  { format: "json", label: "JSON" },
];

const REASONING_LABELS: Record<ReasoningType, string> = {
  observation: "Observation",
  thought: "Thought",
  action: "Action",
  decision: "Decision",
  rule: "Rule",
  verification: "Verification",
};

interface Props {
  executionId: number;
  onClose: () => void;
}

/** Why an agent run decided what it did, with exports to a file. */
export function ExplanationPanel({ executionId, onClose }: Props) {
  const load = useLoad(() => backend.getExplanation(executionId), [executionId], { clearErrorOnLoad: true, key: executionId });
  const view = load.error ? undefined : load.data;

  // In document.body, out of whatever holds the opener (a <dl>, a sticky column, the
  // timeline it can open over).
  return (
    <Dialog
      title={
        <>
          Why this result? <span className="muted">· execution #{executionId}</span>
        </>
      }
      onClose={onClose}
      testId="explanation"
      className="explanation"
    >
      {!load.error && !view && (
        <p className="muted" aria-busy="true" data-testid="explanation-loading">
          Loading the explanation…
        </p>
      )}
      {load.error &&
        (load.error.code === "not_found" ? (
          <p className="muted explanation-missing" data-testid="explanation-missing">
            No explanation was stored for this run.
          </p>
        ) : (
          <div className="banner banner-error" role="alert" data-testid="explanation-error">
            Could not load the explanation: {load.error.message}
            <button type="button" className="btn-link" onClick={() => void load.reload()}>
              Try again
            </button>
          </div>
        ))}
      {view && (
        <>
          {/* Focusable so the keyboard can scroll a long explanation. */}
          <div className="explanation-body" tabIndex={0} aria-label="Explanation">
            <ExplanationBody view={view} />
          </div>
          <ExportRow executionId={executionId} />
        </>
      )}
    </Dialog>
  );
}

function ExplanationBody({ view }: { view: ExplanationView }) {
  const x = view.explanation;
  const steps = [...x.reasoningSteps].sort((a, b) => a.step - b.step);
  return (
    <>
      <p className="explanation-meta muted">
        {x.agentName} · {formatDateTime(x.createdAt)}
      </p>

      <div className="explanation-decision">
        <p className="decision-text" data-testid="explanation-decision">
          {x.decision}
        </p>
        <Confidence value={x.confidenceScore} testId="explanation-confidence" />
      </div>

      {view.summary && (
        <p className="explanation-summary" data-testid="explanation-summary">
          {view.summary}
        </p>
      )}

      {x.gaps.length > 0 && (
        <div className="explanation-gaps" role="note" data-testid="explanation-gaps">
          <strong>Missing from this explanation</strong>
          <ul>
            {x.gaps.map((g, i) => (
              <li key={i}>{g}</li>
            ))}
          </ul>
        </div>
      )}

      {steps.length > 0 && (
        <>
          <h4 className="subhead">Reasoning</h4>
          <ol className="reasoning">
            {steps.map((s, i) => (
              <li key={i} className={`reasoning-step reasoning-${s.reasoningType}`} data-testid="reasoning-step">
                <span className={`chip chip-reason-${s.reasoningType}`}>
                  {REASONING_LABELS[s.reasoningType] ?? s.reasoningType}
                </span>
                <p>{s.content}</p>
              </li>
            ))}
          </ol>
        </>
      )}

      {x.toolUsages.length > 0 && (
        <>
          <h4 className="subhead">Tools used</h4>
          <ul className="tool-usages">
            {x.toolUsages.map((t, i) => (
              <ToolUsageItem key={i} tool={t} />
            ))}
          </ul>
        </>
      )}

      {x.alternatives.length > 0 && (
        <>
          <h4 className="subhead">Alternatives considered</h4>
          <ul className="alternatives">
            {x.alternatives.map((a, i) => (
              <AlternativeItem key={i} alternative={a} />
            ))}
          </ul>
        </>
      )}

      <div className="explanation-lists">
        <TextList title="Key factors" items={x.keyFactors} testId="explanation-key-factors" />
        <TextList title="Assumptions" items={x.assumptions} testId="explanation-assumptions" />
        <TextList title="Limitations" items={x.limitations} testId="explanation-limitations" />
      </div>
    </>
  );
}

function Confidence({ value, testId }: { value: number | null; testId?: string }) {
  const share = value !== null && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  return (
    <div className="confidence" data-testid={testId}>
      <span className="confidence-bar" aria-hidden="true">
        <span style={{ width: `${share * 100}%` }} />
      </span>
      <span>{formatPercent(value)} confident</span>
    </div>
  );
}

function ToolUsageItem({ tool }: { tool: ToolUsage }) {
  return (
    <li className={`tool-usage${tool.success ? "" : " tool-failed"}`} data-testid="tool-usage">
      <div className="tool-head">
        <code className="tool-name">{tool.toolName}</code>
        <span className={`chip ${tool.success ? "chip-ok" : "chip-fail"}`} data-testid="tool-result">
          {tool.success ? "Succeeded" : "Failed"}
        </span>
      </div>
      <dl className="tool-facts">
        <dt>Why</dt>
        <dd data-testid="tool-reason">{tool.reason || <span className="muted">No reason given</span>}</dd>
        <dt>Inputs</dt>
        <dd>
          <pre className="tool-inputs" data-testid="tool-inputs">
            {prettyJson(tool.inputs)}
          </pre>
        </dd>
        {tool.expectedOutcome && (
          <>
            <dt>Expected</dt>
            <dd>{tool.expectedOutcome}</dd>
          </>
        )}
        <dt>Outcome</dt>
        <dd data-testid="tool-outcome">{tool.actualOutcome}</dd>
      </dl>
    </li>
  );
}

function AlternativeItem({ alternative: a }: { alternative: Alternative }) {
  return (
    <li className="alternative" data-testid="alternative">
      <div className="alternative-head">
        <strong className="alternative-description">{a.description}</strong>
        <span className="muted">{formatPercent(a.confidence)} confident</span>
      </div>
      {(a.pros.length > 0 || a.cons.length > 0) && (
        <div className="pros-cons">
          {a.pros.length > 0 && (
            <div className="pros">
              <h5>For</h5>
              <ul>
                {a.pros.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          {a.cons.length > 0 && (
            <div className="cons">
              <h5>Against</h5>
              <ul>
                {a.cons.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {a.reasonNotChosen && (
        <p className="not-chosen">
          <span className="muted">Not chosen because: </span>
          {a.reasonNotChosen}
        </p>
      )}
    </li>
  );
}

function TextList({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div data-testid={testId}>
      <h4 className="subhead">{title}</h4>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

function ExportRow({ executionId }: { executionId: number }) {
  const [exp, setExp] = useState<Export>({ state: "idle" });
  // Guards against a second export while the save dialog or the write is under way;
  // the buttons stay enabled so focus never falls out of the panel.
  const busy = useRef(false);

  const exportAs = async (format: ExplanationFormat) => {
    if (busy.current) return;
    busy.current = true;
    const picked = await settle(backend.pickExplanationPath(executionId, format));
    if (!picked.ok) {
      setExp({ state: "failed", message: picked.error.message });
    } else if (picked.value !== null) {
      // (A cancelled dialog changes nothing, not even an earlier message.)
      const path = picked.value;
      setExp({ state: "saving", format });
      const written = await settle(backend.exportExplanation(executionId, format, path));
      setExp(written.ok ? { state: "done", path: written.value } : { state: "failed", message: written.error.message });
    }
    busy.current = false;
  };

  return (
    <div className="export">
      <div className="export-row" role="group" aria-label="Export the explanation">
        <span className="muted">Export as</span>
        {EXPORTS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            className="btn btn-small"
            onClick={() => void exportAs(format)}
            aria-busy={exp.state === "saving" && exp.format === format ? true : undefined}
            data-testid={`export-${format}`}
          >
            {label}
          </button>
        ))}
      </div>
      <p className="export-status" role="status">
        {exp.state === "saving" && <span className="muted">Saving…</span>}
        {exp.state === "done" && (
          <span className="saved" data-testid="export-done">
            Saved to {exp.path}
          </span>
        )}
        {exp.state === "failed" && (
          <span className="field-error" data-testid="export-error">
            Could not export: {exp.message}
          </span>
        )}
      </p>
    </div>
  );
}

/** Tool inputs as indented JSON text (strings stay quoted, so "" and null read differently). */
function prettyJson(value: unknown): string {
  if (value === undefined) return "none";
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
