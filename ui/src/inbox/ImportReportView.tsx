import { baseName, plural } from "../shared/format";
import type { ImportReport } from "../types";

interface Props {
  report: ImportReport;
  onDismiss: () => void;
}

/** The outcome of an import: totals, then each file with what went wrong in it. */
export function ImportReportView({ report, onDismiss }: Props) {
  const hasProblems = report.failed > 0;
  return (
    <section
      className={`import-report ${hasProblems ? "import-report-problems" : ""}`}
      aria-labelledby="import-report-title"
      data-testid="import-report"
    >
      <div className="import-report-head">
        <h3 id="import-report-title">Import finished</h3>
        <button className="btn-link" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      <p className="import-totals" role="status">
        <span data-testid="import-imported">{plural(report.imported, "message")} imported</span>
        <span aria-hidden="true"> · </span>
        <span data-testid="import-duplicates">{plural(report.duplicates, "duplicate")} skipped</span>
        <span aria-hidden="true"> · </span>
        <span data-testid="import-failed" className={hasProblems ? "text-danger" : undefined}>
          {report.failed} failed
        </span>
      </p>
      {report.files.length > 0 && (
        <ul className="import-files">
          {report.files.map((file, i) => (
            <li key={`${file.path}-${i}`} data-testid="import-file">
              <div className="import-file-line">
                <span className="import-path" title={file.path}>
                  {baseName(file.path)}
                </span>
                <span className="muted">
                  {file.imported} imported · {file.duplicates} duplicate{file.duplicates === 1 ? "" : "s"}
                </span>
              </div>
              {file.error && (
                <p className="field-error" data-testid="import-file-error">
                  {file.error}
                </p>
              )}
              {file.errors.length > 0 && (
                <ul className="import-message-errors">
                  {file.errors.map((m) => (
                    <li key={m.index} className="field-error" data-testid="import-message-error">
                      Message {m.index}: {m.reason}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

