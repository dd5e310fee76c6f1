import type { ExecutionRecord, RunError } from "../../types";

interface Props {
  what: string;
  error: RunError | null;
  execution: ExecutionRecord;
}

/** An agent run that ended without an output: what went wrong, in the run's own words. */
export function RunFailure({ what, error, execution }: Props) {
  const message = error?.message ?? execution.errorMessage ?? "The agent returned no result.";
  const kind = error?.kind ?? execution.errorKind;
  return (
    <div className="banner banner-error" role="alert" data-testid="run-error">
      <strong>{what} failed.</strong> {message}
      {kind && <span className="error-kind"> ({kind})</span>}
    </div>
  );
}
