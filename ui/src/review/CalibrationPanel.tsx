import { backend } from "../backend";
import { formatCount, formatPercent } from "../shared/format";
import { useLoad } from "../shared/useBackend";
import type { CalibrationBand } from "../types";

interface Props {
  /** Whether the panel is on screen; it loads only then. */
  active?: boolean;
  /** Bumped when a decision may have changed the numbers, to load them again. */
  version: number;
}

/** Per agent: how often its explained decisions were corrected, by the confidence it stated. */
export function CalibrationPanel({ active = true, version }: Props) {
  // The last table stays on screen while it reloads.
  const load = useLoad(() => backend.getCalibration(), [], { enabled: active, clearErrorOnLoad: true, reloadOn: version });
  const table = load.error ? undefined : load.data;

  return (
    <section className="calibration" aria-labelledby="calibration-title" data-testid="calibration">
      <h3 id="calibration-title">How the agents did</h3>
      <p className="muted">
        A decision counts as right unless you corrected it (turned down its proposal or changed an email’s
        category). Well-calibrated agents are right about as often as they say they are sure.
      </p>
      {!load.error && !table && (
        <p className="muted" aria-busy="true">
          Loading…
        </p>
      )}
      {load.error && (
        <div className="banner banner-error" role="alert" data-testid="calibration-error">
          Could not load how the agents did: {load.error.message}
          <button className="btn-link" onClick={() => void load.reload()}>
            Try again
          </button>
        </div>
      )}
      {table && table.length === 0 && (
        <p className="muted" data-testid="calibration-empty">
          No explained decisions yet.
        </p>
      )}
      {table?.map((c) => (
        <table className="apps calibration-table" key={c.agent} data-testid="calibration-agent">
          <caption data-testid="calibration-caption">
            <strong>{c.agent}</strong> — {formatCount(c.decisions)} {c.decisions === 1 ? "decision" : "decisions"},{" "}
            {formatCount(c.corrected)} corrected ({formatPercent(c.correctedShare)})
          </caption>
          <thead>
            <tr>
              <th scope="col">Stated confidence</th>
              <th scope="col">Decisions</th>
              <th scope="col">Right</th>
              <th scope="col">Mean stated</th>
            </tr>
          </thead>
          <tbody>
            {c.bands
              .filter((b) => b.decisions > 0)
              .map((b) => (
                <tr key={b.from} data-testid="calibration-row">
                  <th scope="row">{bandLabel(b)}</th>
                  <td>{formatCount(b.decisions)}</td>
                  <td>{formatPercent(b.accuracy)}</td>
                  <td>{formatPercent(b.meanConfidence)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

/** "stated 60–80 %". */
function bandLabel(b: CalibrationBand): string {
  return `stated ${bandBound(b.from)}–${bandBound(b.to)} %`;
}

/** A band bound (0–1) as a whole percentage; "?" for a bound that was not a number (NaN arrives as null). */
function bandBound(bound: number | null): string {
  return bound === null ? "?" : String(Math.round(bound * 100));
}
