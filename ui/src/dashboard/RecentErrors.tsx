import { formatWhen } from "../shared/format";
import type { ErrorInfo } from "../types";

const words = (s: string) => s.replace(/_/g, " ");

/** The latest errors: what kind, how bad, what was done about it. */
export function RecentErrors({ errors }: { errors: ErrorInfo[] }) {
  if (errors.length === 0) {
    return <p className="muted" data-testid="no-errors">No errors in this period.</p>;
  }
  return (
    <table className="data-table" data-testid="recent-errors">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Agent</th>
          <th scope="col">Category</th>
          <th scope="col">Severity</th>
          <th scope="col">Recovery</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e) => (
          <tr key={e.errorId}>
            <td>{formatWhen(e.occurredAt)}</td>
            <td>{e.context.agent ?? e.context.operation}</td>
            <td>{words(e.category)}</td>
            <td>
              <span className={`chip chip-severity-${e.severity}`}>{e.severity}</span>
            </td>
            <td>
              {words(e.recoveryStrategy)}
              {e.recovered ? <span className="chip chip-ok">recovered</span> : null}
            </td>
            <td className="cell-message" title={e.recovery ?? undefined}>
              {e.message}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
