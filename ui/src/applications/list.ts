// Search and sort for the applications table and board.
import { STATUSES, type Application, type Status } from "../types";

export type SortKey = "company" | "role" | "status" | "updatedAt" | "createdAt";
export type SortDir = "asc" | "desc";

/** Applications whose company, role, location, notes or status contain every word of `query`. */
export function filterApps(apps: readonly Application[], query: string): Application[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...apps];
  return apps.filter((a) => {
    const text = [a.company, a.role, a.location ?? "", a.notes, a.status, a.source ?? ""].join(" ").toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

const rank = (s: Status) => STATUSES.indexOf(s);

/** A copy sorted by `key`; ties keep the most recently updated first. */
export function sortApps(apps: readonly Application[], key: SortKey, dir: SortDir): Application[] {
  const sign = dir === "asc" ? 1 : -1;
  const cmp = (a: Application, b: Application): number => {
    switch (key) {
      case "company":
      case "role":
        return a[key].localeCompare(b[key], undefined, { sensitivity: "base" });
      case "status":
        return rank(a.status) - rank(b.status);
      case "updatedAt":
      case "createdAt":
        return a[key] - b[key];
    }
  };
  return [...apps].sort((a, b) => sign * cmp(a, b) || b.updatedAt - a.updatedAt);
}

/** The status to the left or right of `status` on the board, if any. */
export function neighbour(status: Status, step: -1 | 1): Status | null {
  return STATUSES[rank(status) + step] ?? null;
}

/** Applications per status, in board order. */
export function byStatus(apps: readonly Application[]): Map<Status, Application[]> {
  const out = new Map<Status, Application[]>(STATUSES.map((s) => [s, []]));
  for (const a of apps) out.get(a.status)?.push(a);
  return out;
}
